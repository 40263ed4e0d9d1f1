package com.apisec.gateway.scheduler;

import io.vertx.core.json.JsonObject;

/**
 * A slot this node holds the lease of: what the worker is told, and what the finish records. The
 * previous slot is the last run's, whose run key can go once this one is recorded.
 */
record ClaimedRun(JobRun run, long previousSlot, long startedAt, String node) {

  static ClaimedRun of(JsonObject doc, long now, String node) {
    JsonObject last = doc.getJsonObject(JobDocs.LAST_RUN);
    JobRun run =
        new JobRun(
            doc.getString(JobDocs.ID),
            doc.getLong(JobDocs.ACCOUNT, 0L),
            doc.getString(JobDocs.TYPE),
            doc.getString(JobDocs.KEY, ""),
            doc.getLong(JobDocs.LEASE_SLOT, 0L),
            doc.getInteger(JobDocs.LEASE_ATTEMPT, 1),
            doc.getLong(JobDocs.LEASE_MISSED, 0L),
            doc.getString(JobDocs.LEASE_TOKEN),
            doc.getJsonObject(JobDocs.CURSOR),
            doc.getJsonObject(JobDocs.PARAMS));
    return new ClaimedRun(run, last == null ? 0 : last.getLong("slot", 0L), now, node);
  }

  String id() {
    return run.jobId();
  }

  String type() {
    return run.type();
  }

  String runKey() {
    return JobDocs.runKey(run.jobId(), run.slot());
  }

  /** The slot's run key, which may be removed once {@code retentionMs} have passed. */
  JsonObject runKeyDoc(long retentionMs) {
    return new JsonObject()
        .put(JobDocs.ID, runKey())
        .put("jobId", run.jobId())
        .put(JobDocs.ACCOUNT, run.accountId())
        .put("slot", run.slot())
        .put("attempt", run.attempt())
        .put("node", node)
        .put("startedAt", startedAt)
        .put(JobDocs.EXPIRES, JobDocs.date(startedAt + retentionMs));
  }

  JsonObject lastRun(String result, String error, long finishedAt) {
    return new JsonObject()
        .put("slot", run.slot())
        .put("attempt", run.attempt())
        .put("missed", run.missed())
        .put("startedAt", startedAt)
        .put("finishedAt", finishedAt)
        .put("result", result)
        .put("error", error)
        .put("node", node);
  }
}
