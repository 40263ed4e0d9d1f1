package com.apisec.gateway.scheduler;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Field names of the {@code jobs} documents and the few documents built from them. A job holds its
 * schedule ({@code nextDueAt}, {@code intervalMs}, {@code status}), a {@code version} that every
 * scheduling write increments, the lease of the run in progress (token, node, until, slot), the
 * worker's cursor and the last run's outcome.
 */
final class JobDocs {
  static final String ID = "_id";
  static final String ACCOUNT = "accountId";
  static final String TYPE = "type";
  static final String KEY = "key";
  static final String INTERVAL = "intervalMs";
  static final String SCHEDULE = "schedule";
  static final String TIME_ZONE = "timeZone";
  static final String PARAMS = "params";
  static final String STATUS = "status";
  static final String NEXT_DUE = "nextDueAt";
  static final String VERSION = "version";
  static final String CURSOR = "cursor";
  static final String LEASE_TOKEN = "leaseToken";
  static final String LEASE_NODE = "leaseNode";
  static final String LEASE_UNTIL = "leaseUntil";
  static final String LEASE_SLOT = "leaseSlot";
  static final String LEASE_ATTEMPT = "leaseAttempt";
  static final String LEASE_MISSED = "leaseMissed";
  static final String LAST_RUN = "lastRun";
  static final String UPDATED = "updatedAt";
  static final String EXPIRES = "expiresAt";
  static final String ACTIVE = "ACTIVE";
  static final String PAUSED = "PAUSED";

  private JobDocs() {}

  /** A new job, active, first due at its first slot from {@code now}. */
  static JsonObject create(JobSpec spec, long now) {
    JobKey key = spec.key();
    return new JsonObject()
        .put(ID, key.id())
        .put(ACCOUNT, key.accountId())
        .put(TYPE, key.type())
        .put(KEY, key.key())
        .put(INTERVAL, spec.intervalMs())
        .put(SCHEDULE, spec.schedule())
        .put(TIME_ZONE, spec.timeZone())
        .put(PARAMS, spec.params())
        .put(STATUS, ACTIVE)
        .put(NEXT_DUE, spec.firstSlot(now))
        .put(VERSION, 1L)
        .put(CURSOR, new JsonObject())
        .put(LEASE_TOKEN, null)
        .put("createdAt", now)
        .put(UPDATED, now);
  }

  /** The fields that clear a lease. */
  static JsonObject released() {
    return new JsonObject()
        .put(LEASE_TOKEN, null)
        .put(LEASE_NODE, null)
        .put(LEASE_UNTIL, 0L)
        .put(LEASE_SLOT, 0L)
        .put(LEASE_ATTEMPT, 0)
        .put(LEASE_MISSED, 0L);
  }

  /** The run key of a slot: unique, so a slot is started by one claim only. */
  static String runKey(String jobId, long slot) {
    return jobId + ":" + slot;
  }

  /** A BSON date, as the store's client writes one from JSON. */
  static JsonObject date(long epochMillis) {
    return new JsonObject().put("$date", Instant.ofEpochMilli(epochMillis).toString());
  }

  /** The job's cadence: its interval, or its cron schedule. */
  static Cadence cadence(JsonObject doc) {
    return Cadence.of(
        doc.getLong(INTERVAL, 1000L), doc.getString(SCHEDULE), doc.getString(TIME_ZONE));
  }

  static long version(JsonObject doc) {
    return doc.getLong(VERSION, 0L);
  }
}
