package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.json.JsonObject;

/**
 * What an integration asks for: run the job {@code key} every {@code intervalSeconds}, handing the
 * worker {@code params}. The first slot is due at {@code firstDueAt} (epoch millis), or at once
 * when it is 0. Params must hold no secret: workers look secrets up in their own settings.
 */
// TODO(#5): only fixed intervals; cron-like schedules (a time of day, weekdays) are not supported.
public record JobSpec(JobKey key, long intervalSeconds, JsonObject params, long firstDueAt) {
  static final long MAX_INTERVAL_SECONDS = 366L * 24 * 3600;

  public JobSpec {
    if (key == null) {
      throw GatewayException.invalid("key is required");
    }
    if (intervalSeconds < 1 || intervalSeconds > MAX_INTERVAL_SECONDS) {
      throw GatewayException.invalid(
          "intervalSeconds must be between 1 and " + MAX_INTERVAL_SECONDS);
    }
    params = params == null ? new JsonObject() : params.copy();
    firstDueAt = Math.max(0, firstDueAt);
  }

  /** A job whose first slot is due at once. */
  public static JobSpec every(JobKey key, long intervalSeconds, JsonObject params) {
    return new JobSpec(key, intervalSeconds, params, 0);
  }

  public JobSpec firstDueAt(long epochMillis) {
    return new JobSpec(key, intervalSeconds, params, epochMillis);
  }

  long intervalMs() {
    return intervalSeconds * 1000;
  }

  @Override
  public JsonObject params() {
    return params.copy();
  }
}
