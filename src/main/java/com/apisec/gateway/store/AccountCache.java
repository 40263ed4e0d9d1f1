package com.apisec.gateway.store;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * What an operation reads from the store for an account, kept on this node for a while so that a
 * busy account does not read the same document on every request. A write that changes it publishes
 * {@code {"accountId": n}} on the cache's address; every node drops the account when it hears it,
 * and the writer's node drops it at once. The time limit only bounds how long a change made behind
 * the gateway's back (straight in the store) can go unseen.
 *
 * <p>Concurrent requests for an absent account share one read. A read in flight when the account is
 * dropped is not kept, so a change is never hidden by a read that started before it. A read that
 * fails or finds nothing is not kept either.
 */
public final class AccountCache<V> {
  private final AsyncCache<Long, V> entries;
  private final String address;

  /** A cache whose entries live at most {@code ttl}, dropped by notices on {@code address}. */
  public AccountCache(String address, Duration ttl, long maxAccounts) {
    this(address, ttl, maxAccounts, Ticker.systemTicker());
  }

  AccountCache(String address, Duration ttl, long maxAccounts, Ticker ticker) {
    this.address = address;
    this.entries =
        Caffeine.newBuilder()
            .expireAfterWrite(ttl)
            .maximumSize(maxAccounts)
            .ticker(ticker)
            .executor(Runnable::run)
            .buildAsync();
  }

  /**
   * The account's value, read with {@code read} when it is not kept. A read in progress completes
   * on the calling context.
   */
  public Future<V> get(long account, LongFunction<Future<V>> read) {
    CompletableFuture<V> value =
        entries.get(
            account, (key, executor) -> read.apply(key).toCompletionStage().toCompletableFuture());
    if (value.isDone() && !value.isCompletedExceptionally()) {
      return Future.succeededFuture(value.getNow(null));
    }
    Context context = Vertx.currentContext();
    return context == null
        ? Future.fromCompletionStage(value)
        : Future.fromCompletionStage(value, context);
  }

  /** Drops the account on this node only. */
  public void drop(long account) {
    entries.synchronous().invalidate(account);
  }

  /** Drops the account here at once and on every node of the cluster. */
  public void dropEverywhere(EventBus bus, long account) {
    drop(account);
    bus.publish(address, new JsonObject().put("accountId", account));
  }

  /** Drops an account whenever any node publishes that it changed. */
  public MessageConsumer<JsonObject> listen(EventBus bus) {
    return bus.consumer(
        address,
        message -> {
          Object account = message.body() == null ? null : message.body().getValue("accountId");
          if (account instanceof Number number) {
            drop(number.longValue());
          }
        });
  }
}
