package com.apisec.gateway.scheduler;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Claims, renewals and releases of a job's lease. A claim is a compare-and-set on the version the
 * node's index holds, so of two nodes that claim the same slot at once exactly one succeeds; it
 * moves the job's next slot past {@code now} in the same write. Renewals and the release are fenced
 * by the lease's token, so a node whose lease was taken over can change nothing.
 */
final class Leases {
  private final JobStore store;
  private final String nodeId;

  Leases(JobStore store, String nodeId) {
    this.store = store;
    this.nodeId = nodeId;
  }

  /** Claims the due slot of a free job; the claimed document, or null if the job changed. */
  Future<JsonObject> claim(JobView job, long now, long leaseMs) {
    long slot = job.nextDueAt();
    Cadence cadence = job.cadence();
    JsonObject set =
        lease(now, leaseMs)
            .put(JobDocs.LEASE_SLOT, slot)
            .put(JobDocs.LEASE_ATTEMPT, 1)
            .put(JobDocs.LEASE_MISSED, cadence.missed(slot, now))
            .put(JobDocs.NEXT_DUE, cadence.nextAfter(slot, now));
    return store.compareAndSet(job.id(), job.version(), set);
  }

  /** Takes over the slot of a job whose lease ran out, as its next attempt. */
  Future<JsonObject> takeOver(JobView job, long now, long leaseMs) {
    JsonObject inc = new JsonObject().put(JobDocs.LEASE_ATTEMPT, 1);
    return store.compareAndSet(job.id(), job.version(), lease(now, leaseMs), inc);
  }

  Future<JsonObject> renew(String jobId, String token, long until) {
    return store.fenced(jobId, token, new JsonObject().put(JobDocs.LEASE_UNTIL, until), true);
  }

  /** Ends the run: the lease is cleared and the outcome (and a new cursor, if any) recorded. */
  Future<JsonObject> finish(String jobId, String token, JsonObject lastRun, JsonObject cursor) {
    JsonObject set = JobDocs.released().put(JobDocs.LAST_RUN, lastRun);
    if (cursor != null) {
      set.put(JobDocs.CURSOR, cursor);
    }
    return store.fenced(jobId, token, set, true);
  }

  /** Clears the lease without recording a run (the slot had been run already). */
  Future<JsonObject> release(String jobId, String token) {
    return store.fenced(jobId, token, JobDocs.released(), true);
  }

  private JsonObject lease(long now, long leaseMs) {
    return new JsonObject()
        .put(JobDocs.LEASE_TOKEN, UUID.randomUUID().toString())
        .put(JobDocs.LEASE_NODE, nodeId)
        .put(JobDocs.LEASE_UNTIL, now + leaseMs);
  }
}
