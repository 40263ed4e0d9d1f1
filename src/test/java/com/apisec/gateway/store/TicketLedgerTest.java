package com.apisec.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.core.TestConfigs;
import com.apisec.gateway.store.TicketLedger.Claim;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class TicketLedgerTest {
  @TempDir Path dataDir;
  private Vertx vertx;
  private MongoClient mongo;

  @BeforeEach
  void open(Vertx vertx) {
    this.vertx = vertx;
    StoreVerticle store = new StoreVerticle(TestConfigs.config(dataDir));
    vertx.deployVerticle(store).await();
    mongo = MongoClient.createShared(vertx, store.mongoConfig(), "ledger-test");
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
  void claim_pendingOfADeadOwner_isTakenOverWithLookup() {
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

  private TicketLedger ledger(Duration staleAfter) {
    return new TicketLedger(vertx, mongo, staleAfter, Duration.ofSeconds(20));
  }
}
