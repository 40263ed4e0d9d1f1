package com.apisec.gateway.store;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One ticket per account, vendor and subject, decided by the store's unique index. The first
 * request for a subject claims it and creates the ticket; concurrent duplicates wait for its
 * outcome; an outcome left unknown (a timeout or 5xx on create, or a node that died mid-create)
 * makes the next claimant look for the ticket at the vendor before creating one.
 *
 * <p>A claim is a lease. Until it is settled, the ledger that holds it renews it every 5 s (one
 * write for all its claims, fenced by each claim's owner token and PENDING status). A waiter that
 * sees a PENDING claim unrenewed for 15 s (three renewal periods, so two late or lost renewals are
 * forgiven) takes it over, and looks at the vendor first. The waiter measures those 15 s on its own
 * clock from when it first saw the claim's last renewal, so clocks that differ between nodes cannot
 * end a live claim early. A slow owner is never taken over while it renews; it renews for at most
 * {@code holdAtMost} (the longest one create can take), so a claim left unsettled by mistake is
 * given up after that. A claim whose last renewal is older than {@code holdAtMost} by this node's
 * clock is taken over at once.
 *
 * <p>Waiters look again 100 ms after their first look, then twice as long each time up to 1 s, for
 * at most {@code waitAtMost}; each look is a fresh attempt started by a timer, not a link in a
 * chain of futures. {@link #close} stops the renewals and fails the waiters of this ledger.
 */
public final class TicketLedger {
  static final String PENDING = "PENDING";
  static final String CREATED = "CREATED";
  static final String UNKNOWN = "UNKNOWN";
  static final String FAILED = "FAILED";

  /** How claims are kept alive and how waiters poll; {@link #DEFAULT} outside tests. */
  record Timing(Duration renewEvery, Duration lease, Duration firstPoll, Duration maxPoll) {
    static final Timing DEFAULT =
        new Timing(
            Duration.ofSeconds(5),
            Duration.ofSeconds(15),
            Duration.ofMillis(100),
            Duration.ofSeconds(1));
  }

  private final Vertx vertx;
  private final MongoClient mongo;
  private final Duration holdAtMost;
  private final Duration waitAtMost;
  private final Timing timing;
  private final ClaimRenewals renewals;
  private final Map<Long, Promise<Claim>> polls = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * @param holdAtMost the longest an owner keeps its claim alive, the worst case of one create
   * @param waitAtMost the longest a duplicate request waits for another's outcome
   */
  public TicketLedger(Vertx vertx, MongoClient mongo, Duration holdAtMost, Duration waitAtMost) {
    this(vertx, mongo, holdAtMost, waitAtMost, Timing.DEFAULT);
  }

  TicketLedger(
      Vertx vertx, MongoClient mongo, Duration holdAtMost, Duration waitAtMost, Timing timing) {
    this.vertx = vertx;
    this.mongo = mongo;
    this.holdAtMost = holdAtMost;
    this.waitAtMost = waitAtMost;
    this.timing = timing;
    this.renewals = new ClaimRenewals(vertx, mongo, timing.renewEvery(), holdAtMost);
  }

  /** What a claim found: create a ticket, look for one first, or use the one that exists. */
  public sealed interface Claim {
    /** The caller owns the subject and creates the ticket, then settles the claim. */
    record Create(String id, String owner, boolean lookUpFirst) implements Claim {}

    /** A ticket exists: the stored document, with its {@code ticket} object. */
    record Existing(JsonObject ticket) implements Claim {}
  }

  /** One claim's attempts: the subject, this claimant's owner token, and what it saw so far. */
  private static final class Attempts {
    final JsonObject key;
    final String owner = UUID.randomUUID().toString();
    final long deadline;
    int count;
    long delayMs;
    String seen;
    long seenAt;

    Attempts(JsonObject key, long deadline, long firstDelayMs) {
      this.key = key;
      this.deadline = deadline;
      this.delayMs = firstDelayMs;
    }

    /** How long, on this node's clock, the claim has shown the same owner and last renewal. */
    long unchangedMs(JsonObject doc) {
      String now = doc.getString("owner") + "@" + doc.getLong("updatedAt", 0L);
      if (!now.equals(seen)) {
        seen = now;
        seenAt = System.nanoTime();
      }
      return (System.nanoTime() - seenAt) / 1_000_000;
    }
  }

  public Future<Claim> claim(long accountId, String vendor, String subject) {
    JsonObject key = key(accountId, vendor, subject);
    long deadline = now() + waitAtMost.toMillis();
    Attempts attempts = new Attempts(key, deadline, timing.firstPoll().toMillis());
    Promise<Claim> decided = Promise.promise();
    attempt(attempts, decided);
    return decided.future();
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

  /**
   * Stops renewing this node's claims and fails the requests still waiting. The claims are left to
   * be taken over once their lease runs out, as a dead node's would be.
   */
  public void close() {
    closed = true;
    renewals.close();
    polls.forEach(
        (timer, waiting) -> {
          vertx.cancelTimer(timer);
          waiting.tryFail(stopping());
        });
    polls.clear();
  }

  private Future<Void> settle(Claim.Create claim, JsonObject set) {
    JsonObject query = new JsonObject().put("_id", claim.id()).put("owner", claim.owner());
    JsonObject update = new JsonObject().put("$set", set.put("updatedAt", now()));
    return mongo
        .updateCollection(Collections.TICKETS, query, update)
        .andThen(done -> renewals.release(claim))
        .mapEmpty();
  }

  /**
   * One attempt, started afresh by a timer when it decides nothing: no attempt waits on another's
   * future, so a long wait builds no chain of futures.
   */
  private void attempt(Attempts attempts, Promise<Claim> decided) {
    Future<Claim> once;
    try {
      once = attempts.count++ == 0 ? first(attempts) : look(attempts);
    } catch (RuntimeException e) {
      once = Future.failedFuture(e);
    }
    once.onComplete(
        done -> {
          if (done.failed()) {
            decided.tryFail(done.cause());
          } else if (done.result() == null) {
            later(attempts, decided);
          } else {
            decided(done.result(), decided);
          }
        });
  }

  private void decided(Claim claim, Promise<Claim> decided) {
    if (claim instanceof Claim.Create create) {
      renewals.hold(create);
    }
    decided.tryComplete(claim);
  }

  private void later(Attempts attempts, Promise<Claim> decided) {
    if (closed) {
      decided.tryFail(stopping());
      return;
    }
    long delay = attempts.delayMs;
    attempts.delayMs = Math.min(delay * 2, timing.maxPoll().toMillis());
    long timer =
        vertx.setTimer(
            delay,
            t -> {
              polls.remove(t);
              attempt(attempts, decided);
            });
    polls.put(timer, decided);
  }

  private Future<Claim> first(Attempts attempts) {
    return insert(attempts).recover(e -> isDuplicate(e) ? look(attempts) : Future.failedFuture(e));
  }

  /** The claim as it stands: a decision, or null to look again later. */
  private Future<Claim> look(Attempts attempts) {
    return mongo
        .findOne(Collections.TICKETS, attempts.key, null)
        .compose(
            doc ->
                doc != null
                    ? decide(doc, attempts)
                    : insert(attempts)
                        .recover(
                            e ->
                                isDuplicate(e)
                                    ? Future.succeededFuture()
                                    : Future.failedFuture(e)));
  }

  private Future<Claim> insert(Attempts attempts) {
    String id = UUID.randomUUID().toString();
    JsonObject doc =
        attempts
            .key
            .copy()
            .put("_id", id)
            .put("status", PENDING)
            .put("owner", attempts.owner)
            .put("updatedAt", now());
    return mongo
        .insert(Collections.TICKETS, doc)
        .map(inserted -> new Claim.Create(id, attempts.owner, false));
  }

  private Future<Claim> decide(JsonObject doc, Attempts attempts) {
    String status = doc.getString("status");
    boolean waited = attempts.count > 1;
    if (CREATED.equals(status)) {
      return Future.succeededFuture(new Claim.Existing(doc));
    }
    if (FAILED.equals(status) && waited) {
      return Future.failedFuture(GatewayException.vendor(doc.getString("error", "ticket failed")));
    }
    if (FAILED.equals(status) || UNKNOWN.equals(status) || abandoned(doc, attempts)) {
      return takeOver(doc, attempts.owner, !FAILED.equals(status));
    }
    if (now() > attempts.deadline) {
      return Future.failedFuture(
          GatewayException.vendor("another request for this subject is still in progress"));
    }
    return Future.succeededFuture();
  }

  private boolean abandoned(JsonObject doc, Attempts attempts) {
    if (!PENDING.equals(doc.getString("status"))) {
      return false;
    }
    long unchanged = attempts.unchangedMs(doc);
    return unchanged > timing.lease().toMillis()
        || now() - doc.getLong("updatedAt", 0L) > holdAtMost.toMillis();
  }

  /** Takes the claim over if it is still as read: same owner, status and last renewal. */
  private Future<Claim> takeOver(JsonObject doc, String owner, boolean lookUpFirst) {
    JsonObject query =
        new JsonObject()
            .put("_id", doc.getString("_id"))
            .put("status", doc.getString("status"))
            .put("owner", doc.getString("owner"))
            .put("updatedAt", doc.getLong("updatedAt"));
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

  private static GatewayException stopping() {
    return new GatewayException(503, "the node is stopping; try again");
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
