package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.json.JsonObject;

/**
 * What an integration asks for: run the job {@code key} every {@code intervalSeconds}, or at the
 * fire times of a cron {@code schedule} in {@code timeZone} (UTC when null), handing the worker
 * {@code params}. An interval job's first slot is due at {@code firstDueAt} (epoch millis), or at
 * once when it is 0; a cron job's first slot is its first fire time from then. Params must hold no
 * secret: workers look secrets up in their own settings. A bad value is a 422 naming its field.
 */
public record JobSpec(
    JobKey key,
    long intervalSeconds,
    JsonObject params,
    long firstDueAt,
    String schedule,
    String timeZone) {
  static final long MAX_INTERVAL_SECONDS = 366L * 24 * 3600;

  public JobSpec {
    if (key == null) {
      throw GatewayException.invalid("key is required");
    }
    if (schedule != null) {
      checkSchedule(intervalSeconds, schedule, timeZone);
    } else if (timeZone != null) {
      throw GatewayException.invalid("timeZone applies to a schedule only");
    } else if (intervalSeconds < 1 || intervalSeconds > MAX_INTERVAL_SECONDS) {
      throw GatewayException.invalid(
          "intervalSeconds must be between 1 and " + MAX_INTERVAL_SECONDS);
    }
    params = params == null ? new JsonObject() : params.copy();
    firstDueAt = Math.max(0, firstDueAt);
  }

  /** An interval job whose first slot is due at once. */
  public static JobSpec every(JobKey key, long intervalSeconds, JsonObject params) {
    return new JobSpec(key, intervalSeconds, params, 0, null, null);
  }

  /** A job run at the fire times of a cron {@code schedule}, in UTC. */
  public static JobSpec cron(JobKey key, String schedule, JsonObject params) {
    return cron(key, schedule, null, params);
  }

  /** A job run at the fire times of a cron {@code schedule} in {@code timeZone}. */
  public static JobSpec cron(JobKey key, String schedule, String timeZone, JsonObject params) {
    if (schedule == null) {
      throw GatewayException.invalid("schedule is required");
    }
    return new JobSpec(key, 0, params, 0, schedule.trim(), timeZone);
  }

  public JobSpec firstDueAt(long epochMillis) {
    return new JobSpec(key, intervalSeconds, params, epochMillis, schedule, timeZone);
  }

  long intervalMs() {
    return intervalSeconds * 1000;
  }

  Cadence cadence() {
    return Cadence.of(intervalMs(), schedule, timeZone);
  }

  /** The first slot of a new job. */
  long firstSlot(long now) {
    if (schedule == null) {
      return firstDueAt > 0 ? firstDueAt : now;
    }
    return Cadence.Cron.of(schedule, timeZone).fireAfter(Math.max(now, firstDueAt) - 1);
  }

  @Override
  public JsonObject params() {
    return params.copy();
  }

  private static void checkSchedule(long intervalSeconds, String schedule, String timeZone) {
    if (intervalSeconds != 0) {
      throw GatewayException.invalid("schedule and intervalSeconds exclude each other: give one");
    }
    Cadence.Cron cron = Cadence.Cron.of(schedule, timeZone);
    if (cron.fireAfter(System.currentTimeMillis()) == DueQueue.NEVER) {
      throw GatewayException.invalid("schedule never fires: no date matches it");
    }
  }
}
