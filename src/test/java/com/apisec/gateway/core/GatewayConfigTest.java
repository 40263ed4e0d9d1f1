package com.apisec.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class GatewayConfigTest {
  @TempDir Path dir;

  @Test
  void shippedConfig_loadsWithDevelopmentDefaults(Vertx vertx) {
    JsonObject raw = ConfigLoader.load(vertx, Path.of("conf/config.yaml"), Map.of()).await();

    GatewayConfig config = GatewayConfig.from(raw);

    assertTrue(config.development());
    assertEquals(8080, config.http().port());
    assertEquals(60_000, config.http().idleTimeoutMs());
    assertEquals(8090, config.sandbox().port());
    assertTrue(config.store().embedded());
    assertEquals("jira", config.sandbox().routes().get("example-org.atlassian.net"));
  }

  @Test
  void environment_overridesFileValues(Vertx vertx) {
    Map<String, String> env =
        Map.of(
            "GATEWAY_HTTP_PORT", "9191",
            "GATEWAY_SANDBOX_ENABLED", "false",
            "GATEWAY_MONGO_URI", "mongodb://db.example.com:27017",
            "GATEWAY_DATA_DIR", dir.toString());

    GatewayConfig config =
        GatewayConfig.from(ConfigLoader.load(vertx, Path.of("conf/config.yaml"), env).await());

    assertEquals(9191, config.http().port());
    assertFalse(config.sandbox().enabled());
    assertFalse(config.store().embedded());
    assertEquals(dir, config.dataDir());
  }

  @Test
  void badValues_areRejectedNamingTheKey() {
    assertMessage(
        "http.port must be between 0 and 65535",
        json -> json.put("http", new JsonObject().put("port", 70000)));
    assertMessage(
        "http.port must be a number",
        json -> json.put("http", new JsonObject().put("port", "eighty")));
    assertMessage(
        "http.idleTimeoutMs must be between 1000 and 3600000",
        json -> json.put("http", new JsonObject().put("idleTimeoutMs", 0)));
    assertMessage("mode must be development or production", json -> json.put("mode", "test"));
    assertMessage(
        "sandbox.enabled must be true or false",
        json -> json.put("sandbox", new JsonObject().put("enabled", "maybe")));
    assertMessage(
        "outbound.allowedDestinations entries must be host:port",
        json -> json.put("outbound", new JsonObject().put("allowedDestinations", "localhost")));
  }

  @Test
  void productionWithSandbox_isRefusedNamingBoth() {
    assertMessage(
        "mode is production but sandbox.enabled is true",
        json ->
            json.put("mode", "production")
                .put("sandbox", new JsonObject().put("enabled", true))
                .put("store", new JsonObject().put("mongoUri", "mongodb://db:27017")));
  }

  @Test
  void productionWithoutStoreUri_isRefused() {
    assertMessage("store.mongoUri is empty", json -> json.put("mode", "production"));
  }

  @Test
  void missingFile_isAClearError(Vertx vertx) {
    Path missing = dir.resolve("none.yaml");

    Throwable e =
        assertThrows(Exception.class, () -> ConfigLoader.load(vertx, missing, Map.of()).await());

    assertTrue(e.getMessage().contains("config file not found"));
  }

  @Test
  void keys_inDevelopmentAreGeneratedOnceAndReused() throws Exception {
    GatewayConfig config = GatewayConfig.from(new JsonObject().put("dataDir", dir.toString()));

    Keys first = Keys.load(config, true);
    Keys second = Keys.load(config, true);

    assertEquals(first.jwtSecrets(), second.jwtSecrets());
    assertEquals(32, first.secretKey().length);
    assertTrue(Files.exists(dir.resolve("secret.key")));
    assertFalse(first.toString().contains(first.jwtSecrets().get(0)));
  }

  private void assertMessage(String expected, java.util.function.Consumer<JsonObject> change) {
    JsonObject json = new JsonObject().put("dataDir", dir.toString());
    change.accept(json);

    ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfig.from(json));

    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
