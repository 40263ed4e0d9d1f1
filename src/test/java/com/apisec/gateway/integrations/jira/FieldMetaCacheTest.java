package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.apisec.gateway.core.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FieldMetaCacheTest {
  private final AtomicLong now = new AtomicLong(1_000);

  @Test
  void get_withinTheTimeLimit_returnsWhatWasPut() {
    FieldMetaCache cache = new FieldMetaCache(Duration.ofMinutes(30), now::get);
    cache.put(7, meta());

    now.addAndGet(Duration.ofMinutes(29).toMillis());

    assertEquals(meta(), cache.get(7));
  }

  @Test
  void get_afterTheTimeLimit_returnsNothing() {
    FieldMetaCache cache = new FieldMetaCache(Duration.ofMinutes(30), now::get);
    cache.put(7, meta());

    now.addAndGet(Duration.ofMinutes(30).toMillis());

    assertNull(cache.get(7));
  }

  /** Two caches on one bus stand for two nodes: a notice from either clears both. */
  @Test
  void changeNotice_clearsTheAccountOnEveryListeningCache(Vertx vertx) {
    FieldMetaCache first = new FieldMetaCache(Duration.ofMinutes(30), now::get);
    FieldMetaCache second = new FieldMetaCache(Duration.ofMinutes(30), now::get);
    first.listen(vertx.eventBus()).completion().await();
    second.listen(vertx.eventBus()).completion().await();
    first.put(7, meta());
    second.put(7, meta());
    second.put(8, meta());

    vertx.eventBus().publish(Addresses.JIRA_SETTINGS_CHANGED, new JsonObject().put("accountId", 7));
    vertx.timer(200).await();

    assertNull(first.get(7));
    assertNull(second.get(7));
    assertEquals(meta(), second.get(8));
  }

  private static JsonObject meta() {
    return new JsonObject()
        .put("SCRUM", new JsonObject().put("10001", new io.vertx.core.json.JsonArray()));
  }
}
