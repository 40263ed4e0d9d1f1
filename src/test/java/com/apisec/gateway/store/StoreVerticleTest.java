package com.apisec.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.core.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class StoreVerticleTest {
  @TempDir Path dataDir;

  @Test
  void embeddedStore_keepsDataAndUniqueIndexesAcrossRestart() {
    JsonObject doc = new JsonObject().put("accountId", 1000000L).put("baseUrl", "https://x");

    Vertx first = Vertx.vertx();
    write(first, doc);
    first.close().await();

    Vertx second = Vertx.vertx();
    try {
      StoreVerticle store = new StoreVerticle(TestConfigs.config(dataDir));
      second.deployVerticle(store).await();
      MongoClient mongo = MongoClient.createShared(second, store.mongoConfig(), "restart-test");

      JsonObject found =
          mongo
              .findOne(
                  Collections.JIRA_INTEGRATIONS, new JsonObject().put("accountId", 1000000L), null)
              .await();
      Exception duplicate =
          assertThrows(
              Exception.class,
              () ->
                  mongo.insert(Collections.JIRA_INTEGRATIONS, doc.copy().put("_id", "x")).await());

      assertEquals("https://x", found.getString("baseUrl"));
      assertTrue(TicketLedger.isDuplicate(duplicate), duplicate.getMessage());
    } finally {
      second.close().await();
    }
  }

  private void write(Vertx vertx, JsonObject doc) {
    StoreVerticle store = new StoreVerticle(TestConfigs.config(dataDir));
    vertx.deployVerticle(store).await();
    MongoClient mongo = MongoClient.createShared(vertx, store.mongoConfig(), "restart-test");
    mongo.insert(Collections.JIRA_INTEGRATIONS, doc.copy()).await();
  }
}
