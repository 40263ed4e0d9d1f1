package com.apisec.gateway.store;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Duration;
import java.util.UUID;

/**
 * One ticket per account, vendor and subject, decided by the store's unique index. The first
 * request for a subject claims it and creates the ticket; concurrent duplicates wait for its
 * outcome; an outcome left unknown (a timeout or 5xx on create, or a node that died mid-create)
 * makes the next claimant look for the ticket at the vendor before creating one.
 */
public final class TicketLedger {
  static final String PENDING = "PENDING";
  static final String CREATED = "CREATED";
  static final String UNKNOWN = "UNKNOWN";
  static final String FAILED = "FAILED";
  private static final long POLL_MS = 100;

  private final Vertx vertx;
  private final MongoClient mongo;
  private final Duration staleAfter;
  private final Duration waitAtMost;

  public TicketLedger(Vertx vertx, MongoClient mongo, Duration staleAfter, Duration waitAtMost) {
    this.vertx = vertx;
    this.mongo = mongo;
    this.staleAfter = staleAfter;
    this.waitAtMost = waitAtMost;
  }

  /** What a claim found: create a ticket, look for one first, or use the one that exists. */
  public sealed interface Claim {
    /** The caller owns the subject and creates the ticket. */
    record Create(String id, String owner, boolean lookUpFirst) implements Claim {}

    /** A ticket exists: the stored document, with its {@code ticket} object. */
    record Existing(JsonObject ticket) implements Claim {}
  }

  public Future<Claim> claim(long accountId, String vendor, String subject) {
    String owner = UUID.randomUUID().toString();
    JsonObject doc =
        key(accountId, vendor, subject)
            .put("_id", UUID.randomUUID().toString())
            .put("status", PENDING)
            .put("owner", owner)
            .put("updatedAt", now());
    return mongo
        .insert(Collections.TICKETS, doc)
        .<Claim>map(id -> new Claim.Create(doc.getString("_id"), owner, false))
        .recover(
            e ->
                isDuplicate(e)
                    ? resolve(accountId, vendor, subject, owner, deadline(), false)
                    : Future.failedFuture(e));
  }

  public Future<Void> created(Claim.Create claim, JsonObject ticket) {
    return settle(claim, new JsonObject().put("status", CREATED).put("ticket", ticket));
  }

  public Future<Void> unknown(Claim.Create claim, String reason) {
    return settle(claim, new JsonObject().put("status", UNKNOWN).put("error", reason));
  }

  public Future<Void> failed(Claim.Create claim, String message) {
    return settle(claim, new JsonObject().put("status", FAILED).put("error", message));
  }

  private Future<Void> settle(Claim.Create claim, JsonObject set) {
    JsonObject query = new JsonObject().put("_id", claim.id()).put("owner", claim.owner());
    JsonObject update = new JsonObject().put("$set", set.put("updatedAt", now()));
    return mongo.updateCollection(Collections.TICKETS, query, update).mapEmpty();
  }

  private Future<Claim> resolve(
      long accountId, String vendor, String subject, String owner, long deadline, boolean waited) {
    JsonObject query = key(accountId, vendor, subject);
    return mongo
        .findOne(Collections.TICKETS, query, null)
        .compose(
            doc -> {
              if (doc == null) {
                return claim(accountId, vendor, subject);
              }
              return decide(doc, owner, deadline, waited)
                  .compose(
                      claim ->
                          claim != null
                              ? Future.succeededFuture(claim)
                              : retryLater(accountId, vendor, subject, owner, deadline));
            });
  }

  private Future<Claim> decide(JsonObject doc, String owner, long deadline, boolean waited) {
    String status = doc.getString("status");
    if (CREATED.equals(status)) {
      return Future.succeededFuture(new Claim.Existing(doc));
    }
    if (FAILED.equals(status) && waited) {
      return Future.failedFuture(GatewayException.vendor(doc.getString("error", "ticket failed")));
    }
    if (FAILED.equals(status) || UNKNOWN.equals(status) || stale(doc)) {
      return takeOver(doc, owner, !FAILED.equals(status));
    }
    if (System.currentTimeMillis() > deadline) {
      return Future.failedFuture(
          GatewayException.vendor("another request for this subject is still in progress"));
    }
    return Future.succeededFuture(null);
  }

  private Future<Claim> takeOver(JsonObject doc, String owner, boolean lookUpFirst) {
    JsonObject query =
        new JsonObject()
            .put("_id", doc.getString("_id"))
            .put("status", doc.getString("status"))
            .put("owner", doc.getString("owner"));
    JsonObject update =
        new JsonObject()
            .put(
                "$set",
                new JsonObject()
                    .put("status", PENDING)
                    .put("owner", owner)
                    .put("updatedAt", now()));
    return mongo
        .findOneAndUpdateWithOptions(
            Collections.TICKETS, query, update, new FindOptions(), new UpdateOptions())
        .map(
            previous ->
                previous == null
                    ? null
                    : new Claim.Create(doc.getString("_id"), owner, lookUpFirst));
  }

  private Future<Claim> retryLater(
      long accountId, String vendor, String subject, String owner, long deadline) {
    return vertx
        .timer(POLL_MS)
        .compose(tick -> resolve(accountId, vendor, subject, owner, deadline, true));
  }

  private boolean stale(JsonObject doc) {
    long updated = doc.getLong("updatedAt", 0L);
    return PENDING.equals(doc.getString("status"))
        && System.currentTimeMillis() - updated > staleAfter.toMillis();
  }

  private long deadline() {
    return System.currentTimeMillis() + waitAtMost.toMillis();
  }

  private static JsonObject key(long accountId, String vendor, String subject) {
    return new JsonObject()
        .put("accountId", accountId)
        .put("vendor", vendor)
        .put("subject", subject);
  }

  private static long now() {
    return System.currentTimeMillis();
  }

  static boolean isDuplicate(Throwable e) {
    String text = String.valueOf(e.getMessage());
    return text.contains("E11000") || text.contains("11000");
  }
}
