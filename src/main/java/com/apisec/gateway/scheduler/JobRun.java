package com.apisec.gateway.scheduler;

import io.vertx.core.json.JsonObject;

/**
 * One run of a job as its worker receives it on {@code scheduler.run.<type>}. {@code slot} is the
 * due time (epoch millis) that identifies the run; {@code missed} counts the later slots folded
 * into it (after downtime, or a run longer than the interval); {@code attempt} is above 1 when a
 * node whose lease ran out had started the slot; {@code cursor} is the last cursor saved. {@code
 * token} fences the run: a cursor save with a token whose lease was taken over is refused.
 */
public record JobRun(
    String jobId,
    long accountId,
    String type,
    String key,
    long slot,
    int attempt,
    long missed,
    String token,
    JsonObject cursor,
    JsonObject params) {
  public JobRun {
    cursor = cursor == null ? new JsonObject() : cursor.copy();
    params = params == null ? new JsonObject() : params.copy();
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("jobId", jobId)
        .put("accountId", accountId)
        .put("type", type)
        .put("key", key)
        .put("slot", slot)
        .put("attempt", attempt)
        .put("missed", missed)
        .put("token", token)
        .put("cursor", cursor)
        .put("params", params);
  }

  public static JobRun fromJson(JsonObject json) {
    return new JobRun(
        json.getString("jobId"),
        json.getLong("accountId", 0L),
        json.getString("type"),
        json.getString("key", ""),
        json.getLong("slot", 0L),
        json.getInteger("attempt", 1),
        json.getLong("missed", 0L),
        json.getString("token"),
        json.getJsonObject("cursor"),
        json.getJsonObject("params"));
  }

  @Override
  public JsonObject cursor() {
    return cursor.copy();
  }

  @Override
  public JsonObject params() {
    return params.copy();
  }
}
