package com.apisec.gateway.core;

import com.apisec.gateway.testing.LeakWatch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/** Builds configs for tests: temp data dir, free ports, fixed test keys. */
public final class TestConfigs {
  public static final String JWT_SECRET =
      LeakWatch.secret("test-jwt-secret-0123456789abcdef0123456789");
  public static final String SECRET_KEY =
      LeakWatch.secret("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

  private TestConfigs() {}

  /** A development config on free ports with the sandbox off. */
  public static JsonObject json(Path dataDir) {
    JsonObject json =
        new JsonObject()
            .put("mode", "development")
            .put("dataDir", dataDir.toString())
            .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
            .put(
                "security",
                new JsonObject()
                    .put("secretKey", SECRET_KEY)
                    .put("jwtSecrets", new JsonArray().add(JWT_SECRET)))
            .put(
                "outbound",
                new JsonObject()
                    .put("connectTimeoutMs", 1000)
                    .put("requestTimeoutMs", 2000)
                    .put("maxAttempts", 3)
                    .put("maxRetryAfterSeconds", 2))
            .put("sandbox", new JsonObject().put("enabled", false));
    return json;
  }

  public static GatewayConfig config(Path dataDir) {
    return GatewayConfig.from(json(dataDir));
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
