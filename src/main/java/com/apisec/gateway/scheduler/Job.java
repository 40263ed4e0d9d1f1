package com.apisec.gateway.scheduler;

import io.vertx.core.json.JsonObject;

/**
 * A job as integrations and operators see it: its schedule, whether a run is in progress, and the
 * last run's times, result and error. Params and cursor stay inside the scheduler and its worker.
 *
 * @param intervalSeconds the interval, or 0 for a job on a cron schedule
 * @param schedule the cron schedule, or null for an interval job
 * @param timeZone the schedule's time zone; null for UTC and for an interval job
 * @param lastResult {@code SUCCEEDED}, {@code FAILED}, or null before the first run
 */
public record Job(
    String jobId,
    long accountId,
    String type,
    String key,
    long intervalSeconds,
    String schedule,
    String timeZone,
    String status,
    long nextRunAt,
    boolean running,
    Long lastRunAt,
    Long lastFinishedAt,
    String lastResult,
    String lastError) {

  static Job fromDoc(JsonObject doc) {
    JsonObject last = doc.getJsonObject(JobDocs.LAST_RUN);
    return new Job(
        doc.getString(JobDocs.ID),
        doc.getLong(JobDocs.ACCOUNT, 0L),
        doc.getString(JobDocs.TYPE),
        doc.getString(JobDocs.KEY, ""),
        doc.getLong(JobDocs.INTERVAL, 0L) / 1000,
        doc.getString(JobDocs.SCHEDULE),
        doc.getString(JobDocs.TIME_ZONE),
        doc.getString(JobDocs.STATUS),
        doc.getLong(JobDocs.NEXT_DUE, 0L),
        doc.getString(JobDocs.LEASE_TOKEN) != null,
        last == null ? null : last.getLong("startedAt"),
        last == null ? null : last.getLong("finishedAt"),
        last == null ? null : last.getString("result"),
        last == null ? null : last.getString("error"));
  }

  public boolean paused() {
    return JobDocs.PAUSED.equals(status);
  }

  /** The reply shape of {@code fetchIntegrationJobs}; times are epoch millis. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("jobId", jobId)
        .put("type", type)
        .put("key", key)
        .put("intervalSeconds", intervalSeconds)
        .put("schedule", schedule)
        .put("timeZone", timeZone)
        .put("status", status)
        .put("nextRunAt", nextRunAt)
        .put("running", running)
        .put("lastRunAt", lastRunAt)
        .put("lastFinishedAt", lastFinishedAt)
        .put("lastResult", lastResult)
        .put("lastError", lastError);
  }
}
