package com.apisec.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class AccountCacheTest {
  private static final String ADDRESS = "test.account-cache.changed";

  private final AtomicLong nanos = new AtomicLong();
  private final AccountCache<String> cache =
      new AccountCache<>(ADDRESS, Duration.ofMinutes(5), 100, nanos::get);
  private final AtomicInteger reads = new AtomicInteger();

  private LongFunction<Future<String>> counted(String value) {
    return account -> {
      reads.incrementAndGet();
      return Future.succeededFuture(value + account);
    };
  }

  @Test
  void get_twice_readsOnce() {
    assertEquals("v7", cache.get(7, counted("v")).await());
    assertEquals("v7", cache.get(7, counted("other")).await());

    assertEquals(1, reads.get());
  }

  @Test
  void get_whileAReadIsInFlight_sharesIt() {
    Promise<String> slow = Promise.promise();
    Future<String> first = cache.get(7, account -> slow.future());
    Future<String> second = cache.get(7, counted("never"));

    slow.complete("stored");

    assertEquals("stored", first.await());
    assertEquals("stored", second.await());
    assertEquals(0, reads.get());
  }

  @Test
  void get_afterTheTimeLimit_readsAgain() {
    cache.get(7, counted("old")).await();

    nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());

    assertEquals("new7", cache.get(7, counted("new")).await());
  }

  @Test
  void drop_readsTheAccountAgain_andKeepsOthers() {
    cache.get(7, counted("old")).await();
    cache.get(8, counted("old")).await();

    cache.drop(7);

    assertEquals("new7", cache.get(7, counted("new")).await());
    assertEquals("old8", cache.get(8, counted("new")).await());
  }

  /** A read that started before a change must not put the old value back after the drop. */
  @Test
  void drop_whileAReadIsInFlight_doesNotKeepWhatItRead() {
    Promise<String> slow = Promise.promise();
    Future<String> before = cache.get(7, account -> slow.future());

    cache.drop(7);
    slow.complete("before the change");

    assertEquals("before the change", before.await());
    assertEquals("new7", cache.get(7, counted("new")).await());
  }

  @Test
  void get_nothingFound_isNotKept() {
    assertNull(cache.get(7, account -> Future.succeededFuture(null)).await());

    assertEquals("v7", cache.get(7, counted("v")).await());
  }

  @Test
  void get_failedRead_isNotKept() {
    Future<String> failed = cache.get(7, account -> Future.failedFuture("store down"));
    assertTrue(failed.transform(r -> Future.succeededFuture(r.failed())).await());

    assertEquals("v7", cache.get(7, counted("v")).await());
  }

  /** Two caches on one bus stand for two nodes: a notice from either drops the account on both. */
  @Test
  void dropEverywhere_dropsTheAccountOnEveryListeningCache(Vertx vertx) {
    AccountCache<String> other =
        new AccountCache<>(ADDRESS, Duration.ofMinutes(5), 100, nanos::get);
    cache.listen(vertx.eventBus()).completion().await();
    other.listen(vertx.eventBus()).completion().await();
    cache.get(7, counted("old")).await();
    other.get(7, counted("old")).await();
    other.get(8, counted("old")).await();

    cache.dropEverywhere(vertx.eventBus(), 7);

    assertEquals("new7", cache.get(7, counted("new")).await());
    vertx.timer(200).await();
    assertEquals("new7", other.get(7, counted("new")).await());
    assertEquals("old8", other.get(8, counted("new")).await());
  }

  @Test
  void listen_ignoresANoticeWithoutAnAccount(Vertx vertx) {
    cache.listen(vertx.eventBus()).completion().await();
    cache.get(7, counted("old")).await();

    vertx.eventBus().publish(ADDRESS, new JsonObject().put("accountId", "seven"));
    vertx.eventBus().publish(ADDRESS, null);
    vertx.timer(200).await();

    assertEquals("old7", cache.get(7, counted("new")).await());
  }
}
