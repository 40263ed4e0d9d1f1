package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.Addresses;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The create-screen field metadata of each account, kept for a while since gathering it takes a
 * call per project and issue type. A save of the account's integration publishes a notice on the
 * event bus, and every node's cache drops the account's entry when it hears it.
 */
final class FieldMetaCache {
  static final Duration DEFAULT_TTL = Duration.ofMinutes(30);

  private record Entry(JsonObject value, long expiresAtMs) {}

  private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final LongSupplier clockMs;

  FieldMetaCache(Duration ttl, LongSupplier clockMs) {
    this.ttl = ttl;
    this.clockMs = clockMs;
  }

  /** The account's metadata, or null when none is kept or it is too old. */
  JsonObject get(long account) {
    Entry entry = entries.get(account);
    if (entry == null || clockMs.getAsLong() >= entry.expiresAtMs()) {
      entries.remove(account);
      return null;
    }
    return entry.value().copy();
  }

  void put(long account, JsonObject value) {
    entries.put(account, new Entry(value.copy(), clockMs.getAsLong() + ttl.toMillis()));
  }

  void clear(long account) {
    entries.remove(account);
  }

  /** Drops an account's entry whenever any node publishes that its integration changed. */
  MessageConsumer<JsonObject> listen(EventBus bus) {
    return bus.consumer(
        Addresses.JIRA_SETTINGS_CHANGED,
        message -> {
          Object account = message.body() == null ? null : message.body().getValue("accountId");
          if (account instanceof Number number) {
            clear(number.longValue());
          }
        });
  }
}
