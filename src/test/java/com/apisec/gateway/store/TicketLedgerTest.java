package com.apisec.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.core.TestConfigs;
import com.apisec.gateway.store.TicketLedger.Claim;
import com.apisec.gateway.store.TicketLedger.Timing;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class TicketLedgerTest {
  /** Renewals every 100 ms, a 400 ms lease, and looks every 10 to 50 ms: leases in seconds. */
  private static final Timing SHORT =
      new Timing(
          Duration.ofMillis(100),
          Duration.ofMillis(400),
          Duration.ofMillis(10),
          Duration.ofMillis(50));

  private static final Duration MS = Duration.ofMillis(1);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @TempDir Path dataDir;
  private Vertx vertx;
  private StoreVerticle store;
  private MongoClient mongo;
  private Vertx ownerNode;

  @BeforeEach
  void open(Vertx vertx) {
    this.vertx = vertx;
    store = new StoreVerticle(TestConfigs.config(dataDir));
    vertx.deployVerticle(store).await();
    mongo = MongoClient.createShared(vertx, store.mongoConfig(), "ledger-test");
  }

  @AfterEach
  void closeOwnerNode() {
    if (ownerNode != null) {
      ownerNode.close().await();
    }
  }

  @Test
  void claim_tenAtOnce_oneCreatesAndTheOthersGetItsTicket() {
    TicketLedger ledger = ledger(Duration.ofMinutes(1));
    List<Future<Claim>> claims = new ArrayList<>();

    for (int i = 0; i < 10; i++) {
      claims.add(
          ledger.claim(1L, "jira", "threat:abc").compose(claim -> settleIfCreator(ledger, claim)));
    }
    List<Claim> all = claims.stream().map(f -> f.await()).toList();

    assertEquals(1, all.stream().filter(c -> c instanceof Claim.Create).count());
    assertEquals(9, all.stream().filter(c -> c instanceof Claim.Existing).count());
  }

  @Test
  void claim_afterUnknownOutcome_asksToLookUpFirst() {
    TicketLedger ledger = ledger(Duration.ofMinutes(1));
    Claim.Create first = (Claim.Create) ledger.claim(1L, "jira", "s").await();
    ledger.unknown(first, "timeout").await();

    Claim next = ledger.claim(1L, "jira", "s").await();

    assertInstanceOf(Claim.Create.class, next);
    assertTrue(((Claim.Create) next).lookUpFirst());
  }

  @Test
  void claim_afterDefiniteFailure_createsAgainWithoutLookup() {
    TicketLedger ledger = ledger(Duration.ofMinutes(1));
    Claim.Create first = (Claim.Create) ledger.claim(1L, "jira", "s").await();
    ledger.failed(first, "Jira returned 400").await();

    Claim next = ledger.claim(1L, "jira", "s").await();

    assertFalse(((Claim.Create) next).lookUpFirst());
  }

  @Test
  void claim_waitingDuplicate_returnsTheFirstRequestsFailure() {
    TicketLedger ledger = ledger(Duration.ofMinutes(1));
    Claim.Create first = (Claim.Create) ledger.claim(1L, "jira", "s").await();
    Future<Claim> waiting = ledger.claim(1L, "jira", "s");

    vertx.timer(300).await();
    ledger.failed(first, "Jira returned 400: summary is required").await();

    GatewayException e = assertThrows(GatewayException.class, waiting::await);
    assertEquals("Jira returned 400: summary is required", e.getMessage());
  }

  @Test
  void claim_pendingUnrenewedLongerThanHoldAtMost_isTakenOverAtOnceWithLookup() {
    TicketLedger ledger = ledger(Duration.ofMillis(200));
    ledger.claim(1L, "jira", "s").await();

    vertx.timer(400).await();
    Claim next = ledger.claim(1L, "jira", "s").await();

    assertTrue(((Claim.Create) next).lookUpFirst());
  }

  @Test
  void claim_sameSubjectOtherAccount_isIndependent() {
    TicketLedger ledger = ledger(Duration.ofMinutes(1));
    ledger.claim(1L, "jira", "s").await();

    Claim other = ledger.claim(2L, "jira", "s").await();

    assertFalse(((Claim.Create) other).lookUpFirst());
  }

  @Test
  void claim_waiterLooksThousandsOfTimes_getsTheTicketWithoutOverflowingTheStack() {
    Timing eager = new Timing(Duration.ofSeconds(5), Duration.ofMinutes(1), MS, MS);
    TicketLedger ledger = new TicketLedger(vertx, mongo, MINUTE, MINUTE, eager);
    Claim.Create owner = (Claim.Create) ledger.claim(1L, "jira", "s").await();
    Future<Claim> waiting = ledger.claim(1L, "jira", "s");

    vertx.timer(8_000).await();
    assertFalse(waiting.isComplete());
    ledger.created(owner, new JsonObject().put("key", "SCRUM-7")).await();

    Claim.Existing existing = assertInstanceOf(Claim.Existing.class, within(waiting));
    assertEquals("SCRUM-7", existing.ticket().getJsonObject("ticket").getString("key"));
  }

  @Test
  void claim_ownerNodeDiesMidCreate_isTakenOverAfterTheLeaseWithLookup() {
    ownerNode = Vertx.vertx();
    MongoClient ownerStore = MongoClient.create(ownerNode, store.mongoConfig());
    TicketLedger owners = new TicketLedger(ownerNode, ownerStore, MINUTE, MINUTE, SHORT);
    TicketLedger waiters = new TicketLedger(vertx, mongo, MINUTE, MINUTE, SHORT);
    owners.claim(1L, "jira", "s").await();
    Future<Claim> waiting = waiters.claim(1L, "jira", "s");

    vertx.timer(1_500).await();
    assertFalse(waiting.isComplete(), "taken over while its owner renewed it");
    ownerNode.close().await();
    long diedAt = System.nanoTime();

    Claim.Create taken = assertInstanceOf(Claim.Create.class, within(waiting));
    long tookMs = (System.nanoTime() - diedAt) / 1_000_000;
    assertTrue(taken.lookUpFirst());
    assertTrue(tookMs < 3_000, "taken over after " + tookMs + " ms");
    assertEquals(taken.owner(), stored("s").getString("owner"));
  }

  @Test
  void claim_liveOwnerSlowerThanTheLease_isWaitedForAndNotTakenOver() {
    TicketLedger ledger = new TicketLedger(vertx, mongo, MINUTE, MINUTE, SHORT);
    Claim.Create owner = (Claim.Create) ledger.claim(1L, "jira", "s").await();
    Future<Claim> waiting = ledger.claim(1L, "jira", "s");

    vertx.timer(2_500).await();
    ledger.created(owner, new JsonObject().put("key", "SCRUM-9")).await();

    assertInstanceOf(Claim.Existing.class, within(waiting));
    assertEquals(owner.owner(), stored("s").getString("owner"));
  }

  @Test
  void claim_neverSettled_isRenewedOnlyForHoldAtMostThenTakenOver() {
    Duration holdAtMost = Duration.ofMillis(1_500);
    TicketLedger ledger = new TicketLedger(vertx, mongo, holdAtMost, MINUTE, SHORT);
    Claim.Create forgotten = (Claim.Create) ledger.claim(1L, "jira", "s").await();
    long claimedAt = System.nanoTime();

    Claim.Create taken = (Claim.Create) within(ledger.claim(1L, "jira", "s"));

    long tookMs = (System.nanoTime() - claimedAt) / 1_000_000;
    assertTrue(taken.lookUpFirst());
    assertTrue(tookMs >= holdAtMost.toMillis(), "taken over after " + tookMs + " ms");
    assertTrue(tookMs < 5_000, "taken over after " + tookMs + " ms");
    assertFalse(forgotten.owner().equals(taken.owner()));
  }

  @Test
  void close_failsItsWaitersAndLeavesItsClaimsToTheLease() {
    TicketLedger closing = new TicketLedger(vertx, mongo, MINUTE, MINUTE, SHORT);
    TicketLedger other = new TicketLedger(vertx, mongo, MINUTE, MINUTE, SHORT);
    closing.claim(1L, "jira", "s").await();
    Future<Claim> cut = closing.claim(1L, "jira", "s");
    vertx.timer(300).await();

    closing.close();
    Claim next = within(other.claim(1L, "jira", "s"));

    GatewayException e = assertThrows(GatewayException.class, () -> within(cut));
    assertEquals(503, e.status());
    assertTrue(((Claim.Create) next).lookUpFirst());
  }

  /** The outcome, or a failure if there is none within 15 s (a lost completion hangs no test). */
  private static <T> T within(Future<T> outcome) {
    return outcome.timeout(15, TimeUnit.SECONDS).await();
  }

  private JsonObject stored(String subject) {
    JsonObject key =
        new JsonObject().put("accountId", 1L).put("vendor", "jira").put("subject", subject);
    return mongo.findOne(Collections.TICKETS, key, null).await();
  }

  /** The creator settles after a pause, so the other claims have to wait for it. */
  private Future<Claim> settleIfCreator(TicketLedger ledger, Claim claim) {
    if (!(claim instanceof Claim.Create create)) {
      return Future.succeededFuture(claim);
    }
    return vertx
        .timer(300)
        .compose(t -> ledger.created(create, new JsonObject().put("key", "SCRUM-1")))
        .map(claim);
  }

  private TicketLedger ledger(Duration holdAtMost) {
    return new TicketLedger(vertx, mongo, holdAtMost, Duration.ofSeconds(20));
  }
}
