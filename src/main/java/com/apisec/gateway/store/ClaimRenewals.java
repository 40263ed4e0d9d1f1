package com.apisec.gateway.store;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the ticket claims a ledger holds alive while their creates are in flight. One periodic
 * timer runs while any claim is held, and each tick is one write for all of them: it refreshes
 * {@code updatedAt} where the claim still has its owner token and is still PENDING, so a claim
 * settled or taken over meanwhile is left alone. A claim is renewed for at most {@code holdAtMost},
 * so one that is never settled is still given up.
 */
final class ClaimRenewals {
  private static final Logger LOG = LoggerFactory.getLogger(ClaimRenewals.class);

  /** A claim being renewed, and since when on this node's monotonic clock. */
  private record Held(TicketLedger.Claim.Create claim, long sinceNanos) {}

  private final Vertx vertx;
  private final MongoClient mongo;
  private final Duration every;
  private final Duration holdAtMost;
  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private long timer = -1;
  private boolean closed;

  ClaimRenewals(Vertx vertx, MongoClient mongo, Duration every, Duration holdAtMost) {
    this.vertx = vertx;
    this.mongo = mongo;
    this.every = every;
    this.holdAtMost = holdAtMost;
  }

  synchronized void hold(TicketLedger.Claim.Create claim) {
    if (closed) {
      return;
    }
    held.put(claim.owner(), new Held(claim, System.nanoTime()));
    if (timer < 0) {
      timer = vertx.setPeriodic(every.toMillis(), t -> renew());
    }
  }

  synchronized void release(TicketLedger.Claim.Create claim) {
    held.remove(claim.owner());
    if (held.isEmpty() && timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  /** Stops every renewal; the claims are left to run out, as a dead node's would. */
  synchronized void close() {
    closed = true;
    held.clear();
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  private void renew() {
    JsonArray ids = new JsonArray();
    JsonArray owners = new JsonArray();
    for (Held one : held.values()) {
      if (Duration.ofNanos(System.nanoTime() - one.sinceNanos()).compareTo(holdAtMost) > 0) {
        LOG.warn("ticket claim held too long, no longer renewed [claim: {}]", one.claim().id());
        release(one.claim());
      } else {
        ids.add(one.claim().id());
        owners.add(one.claim().owner());
      }
    }
    if (ids.isEmpty()) {
      return;
    }

    JsonObject query =
        new JsonObject()
            .put("_id", new JsonObject().put("$in", ids))
            .put("owner", new JsonObject().put("$in", owners))
            .put("status", TicketLedger.PENDING);
    JsonObject update =
        new JsonObject().put("$set", new JsonObject().put("updatedAt", System.currentTimeMillis()));
    mongo
        .updateCollectionWithOptions(
            Collections.TICKETS, query, update, new UpdateOptions().setMulti(true))
        .onFailure(
            e ->
                LOG.warn("ticket claims not renewed [claims: {}]: {}", ids.size(), e.getMessage()));
  }
}
