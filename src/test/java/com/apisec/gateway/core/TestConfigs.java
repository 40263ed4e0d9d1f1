package com.apisec.gateway.core;

import com.apisec.gateway.testing.LeakWatch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Builds configs for tests: temp data dir, free ports, fixed test keys. */
public final class TestConfigs {
  private static final int LOWEST_PORT = 10_000;
  private static final int DEFAULT_EPHEMERAL_LOW = 32_768;

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

  /** A port free now, below the range the system hands out to outgoing connections. */
  public static int freePort() {
    return freePortRange(1);
  }

  /**
   * A base port with {@code count} free ports from it, all below the system's ephemeral range: a
   * port picked inside that range (as binding port 0 does) can be taken by any outgoing connection
   * (a cluster member's, an HTTP client's) between the pick and the server's bind.
   */
  public static int freePortRange(int count) {
    int below = ephemeralLow();
    for (int attempt = 0; attempt < 100; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(LOWEST_PORT, below - count);
      if (rangeFree(base, count)) {
        return base;
      }
    }
    throw new IllegalStateException("no " + count + " free ports found below " + below);
  }

  private static boolean rangeFree(int base, int count) {
    for (int port = base; port < base + count; port++) {
      try (ServerSocket socket = new ServerSocket(port)) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  /** The low end of Linux's ephemeral range, or the usual 32768 where it cannot be read. */
  private static int ephemeralLow() {
    try {
      String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
      int low = Integer.parseInt(range.split("\\s+")[0]);
      return low > LOWEST_PORT + 1_000 ? low : DEFAULT_EPHEMERAL_LOW;
    } catch (IOException | RuntimeException e) {
      return DEFAULT_EPHEMERAL_LOW;
    }
  }
}
