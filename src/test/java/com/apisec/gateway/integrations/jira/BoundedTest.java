package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void run_manyCallsAlreadyComplete_allRunWithoutNesting() throws Exception {
    List<Supplier<Future<Integer>>> calls = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      int value = i;
      calls.add(
          () ->
              value % 3 == 0 ? Future.failedFuture("no " + value) : Future.succeededFuture(value));
    }

    List<Future<Integer>> outcomes =
        Bounded.run(calls, 4).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertEquals(200_000, outcomes.size());
    assertTrue(outcomes.get(0).failed());
    assertEquals(199_999, outcomes.get(199_999).result());
  }

  @Test
  void run_callsInFlight_neverMoreThanTheLimitAtOnce() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Supplier<Future<Integer>>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int value = i;
      calls.add(
          () -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            if (value % 2 == 0) {
              inFlight.decrementAndGet();
              return Future.succeededFuture(value);
            }
            return vertx.timer(5).map(t -> inFlight.decrementAndGet()).map(n -> value);
          });
    }

    List<Future<Integer>> outcomes =
        vertx
            .<List<Future<Integer>>>executeBlocking(() -> null)
            .compose(ignored -> Bounded.run(calls, 3))
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);

    assertEquals(3, most.get());
    for (int i = 0; i < 40; i++) {
      assertEquals(i, outcomes.get(i).result());
    }
  }
}
