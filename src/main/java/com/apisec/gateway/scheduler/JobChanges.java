package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The field changes of the operations on a job, computed from the job as read. An empty result
 * means there is nothing to write.
 */
final class JobChanges {
  private JobChanges() {}

  /**
   * A second save: new params, and a new cadence from the next slot on. A new interval keeps the
   * job's grid: its next slot is one new interval after the latest (now, if that has passed). A new
   * schedule (or time zone) starts at its first fire time after now; a cron job that becomes an
   * interval job is due at once, as a new one is.
   */
  static JsonObject spec(JsonObject doc, JobSpec spec) {
    JsonObject set = new JsonObject();
    if (!spec.params().equals(doc.getJsonObject(JobDocs.PARAMS))) {
      set.put(JobDocs.PARAMS, spec.params());
    }
    long interval = doc.getLong(JobDocs.INTERVAL);
    String schedule = doc.getString(JobDocs.SCHEDULE);
    boolean sameCron =
        Objects.equals(schedule, spec.schedule())
            && Objects.equals(doc.getString(JobDocs.TIME_ZONE), spec.timeZone());
    if (sameCron && interval == spec.intervalMs()) {
      return stamped(set);
    }
    long due = doc.getLong(JobDocs.NEXT_DUE);
    long now = System.currentTimeMillis();
    long next;
    if (spec.schedule() != null) {
      next = spec.firstSlot(now + 1);
    } else if (schedule != null) {
      next = now;
    } else {
      next = Slots.afterIntervalChange(due, interval, spec.intervalMs(), now);
    }
    set.put(JobDocs.INTERVAL, spec.intervalMs())
        .put(JobDocs.SCHEDULE, spec.schedule())
        .put(JobDocs.TIME_ZONE, spec.timeZone())
        .put(JobDocs.NEXT_DUE, next);
    return stamped(set);
  }

  static JsonObject pause(JsonObject doc) {
    if (JobDocs.PAUSED.equals(doc.getString(JobDocs.STATUS))) {
      return new JsonObject();
    }
    return stamped(new JsonObject().put(JobDocs.STATUS, JobDocs.PAUSED));
  }

  /** Resuming runs the next slot on the job's grid; slots missed while paused are not run. */
  static JsonObject resume(JsonObject doc) {
    if (JobDocs.ACTIVE.equals(doc.getString(JobDocs.STATUS))) {
      return new JsonObject();
    }
    long now = System.currentTimeMillis();
    long due = JobDocs.cadence(doc).atOrAfter(doc.getLong(JobDocs.NEXT_DUE), now);
    return stamped(new JsonObject().put(JobDocs.STATUS, JobDocs.ACTIVE).put(JobDocs.NEXT_DUE, due));
  }

  static JsonObject runNow(JsonObject doc) {
    if (JobDocs.PAUSED.equals(doc.getString(JobDocs.STATUS))) {
      throw GatewayException.invalid("jobId names a paused job: resume it first");
    }
    return stamped(new JsonObject().put(JobDocs.NEXT_DUE, System.currentTimeMillis()));
  }

  /** The run keys a job may still have: its last run's and its current run's. */
  static List<String> runKeys(JsonObject doc) {
    String id = doc.getString(JobDocs.ID);
    List<String> keys = new ArrayList<>();
    JsonObject last = doc.getJsonObject(JobDocs.LAST_RUN);
    if (last != null) {
      keys.add(JobDocs.runKey(id, last.getLong("slot", 0L)));
    }
    if (doc.getLong(JobDocs.LEASE_SLOT, 0L) > 0) {
      keys.add(JobDocs.runKey(id, doc.getLong(JobDocs.LEASE_SLOT)));
    }
    return keys.isEmpty() ? List.of(JobDocs.runKey(id, 0)) : keys;
  }

  private static JsonObject stamped(JsonObject set) {
    return set.isEmpty() ? set : set.put(JobDocs.UPDATED, System.currentTimeMillis());
  }
}
