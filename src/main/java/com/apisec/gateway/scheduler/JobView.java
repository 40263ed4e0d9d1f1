package com.apisec.gateway.scheduler;

import io.vertx.core.json.JsonObject;

/**
 * What a node's index keeps of a job: enough to know when it needs attention (its next slot, or the
 * end of another node's lease) and to claim it by version. Also the body of the change
 * notifications every node receives.
 */
record JobView(
    String id,
    long accountId,
    String type,
    long version,
    boolean active,
    long nextDueAt,
    long intervalMs,
    String schedule,
    String timeZone,
    String leaseToken,
    String leaseNode,
    long leaseUntil) {

  static JobView fromDoc(JsonObject doc) {
    return new JobView(
        doc.getString(JobDocs.ID),
        doc.getLong(JobDocs.ACCOUNT, 0L),
        doc.getString(JobDocs.TYPE, ""),
        JobDocs.version(doc),
        JobDocs.ACTIVE.equals(doc.getString(JobDocs.STATUS)),
        doc.getLong(JobDocs.NEXT_DUE, 0L),
        doc.getLong(JobDocs.INTERVAL, 1000L),
        doc.getString(JobDocs.SCHEDULE),
        doc.getString(JobDocs.TIME_ZONE),
        doc.getString(JobDocs.LEASE_TOKEN),
        doc.getString(JobDocs.LEASE_NODE),
        doc.getLong(JobDocs.LEASE_UNTIL, 0L));
  }

  /** The projection that loads exactly these fields. */
  static JsonObject fields() {
    JsonObject fields = new JsonObject();
    for (String name :
        new String[] {
          JobDocs.ACCOUNT,
          JobDocs.TYPE,
          JobDocs.VERSION,
          JobDocs.STATUS,
          JobDocs.NEXT_DUE,
          JobDocs.INTERVAL,
          JobDocs.SCHEDULE,
          JobDocs.TIME_ZONE,
          JobDocs.LEASE_TOKEN,
          JobDocs.LEASE_NODE,
          JobDocs.LEASE_UNTIL
        }) {
      fields.put(name, 1);
    }
    return fields;
  }

  JsonObject toJson() {
    return new JsonObject()
        .put(JobDocs.ID, id)
        .put(JobDocs.ACCOUNT, accountId)
        .put(JobDocs.TYPE, type)
        .put(JobDocs.VERSION, version)
        .put(JobDocs.STATUS, active ? JobDocs.ACTIVE : JobDocs.PAUSED)
        .put(JobDocs.NEXT_DUE, nextDueAt)
        .put(JobDocs.INTERVAL, intervalMs)
        .put(JobDocs.SCHEDULE, schedule)
        .put(JobDocs.TIME_ZONE, timeZone)
        .put(JobDocs.LEASE_TOKEN, leaseToken)
        .put(JobDocs.LEASE_NODE, leaseNode)
        .put(JobDocs.LEASE_UNTIL, leaseUntil);
  }

  /** The job's interval or cron schedule; a bad stored schedule fails the claim, not the node. */
  Cadence cadence() {
    return Cadence.of(intervalMs, schedule, timeZone);
  }

  boolean leased() {
    return leaseToken != null;
  }
}
