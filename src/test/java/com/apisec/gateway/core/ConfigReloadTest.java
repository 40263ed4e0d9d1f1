package com.apisec.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.api.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class ConfigReloadTest {
  private static final String KEY_A = "first-jwt-secret-0123456789abcdef0123456789";
  private static final String KEY_B = "second-jwt-secret-0123456789abcdef012345678";

  @TempDir Path dir;
  private Path file;
  private Vertx vertx;
  private WebClient client;
  private Launcher.Node node;
  private LogCapture logs;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    logs = new LogCapture();
    file = dir.resolve("config.yaml");
    write(config(List.of(KEY_A), 1_048_576));
    node = Launcher.start(vertx, file, Map.of()).await();
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stopCapture() {
    logs.close();
  }

  @Test
  void jwtKeys_rotatedByReload_acceptBothUntilOldIsRemoved() throws Exception {
    String tokenA = token(KEY_A);
    String tokenB = token(KEY_B);
    assertEquals(401, status(tokenB, "{}"));

    write(config(List.of(KEY_A, KEY_B), 1_048_576));
    await(() -> status(tokenB, "{}") == 200);

    assertEquals(200, status(tokenA, "{}"));

    write(config(List.of(KEY_B), 1_048_576));
    await(() -> status(tokenA, "{}") == 401);

    assertEquals(200, status(tokenB, "{}"));
  }

  @Test
  void invalidFile_keepsRunningConfigAndLogsOncePerChange() throws Exception {
    write(config(List.of(KEY_A), 4096));
    await(() -> node.config().http().bodyLimitBytes() == 4096);

    write("http: [unclosed\n  port: {{\n");
    await(() -> logs.count("ConfigWatcher", "ERROR") == 1);
    write(config(List.of(KEY_A), 123).replace("bodyLimitBytes: 123", "bodyLimitBytes: lots"));
    await(() -> logs.count("ConfigWatcher", "ERROR") == 2);
    vertx.timer(1_500).await(); // several scans of the unchanged file, which must log nothing

    assertEquals(4096, node.config().http().bodyLimitBytes());
    assertEquals(200, status(token(KEY_A), "{}"));
    assertEquals(2, logs.count("ConfigWatcher", "ERROR"), logs.text());
    assertTrue(logs.text().contains("http.bodyLimitBytes must be a number"), logs.text());
  }

  @Test
  void bodyLimit_loweredByReload_appliesToTheNextRequest() throws Exception {
    String body = "{\"pad\":\"" + "x".repeat(3000) + "\"}";
    assertEquals(200, status(token(KEY_A), body));

    write(config(List.of(KEY_A), 2048));
    await(() -> node.config().http().bodyLimitBytes() == 2048);

    assertEquals(413, status(token(KEY_A), body));
  }

  @Test
  void requestsInFlight_whileFileChanges_allSucceed() throws Exception {
    String token = token(KEY_A);
    List<Future<Integer>> results = new ArrayList<>();

    for (int round = 0; round < 6; round++) {
      write(config(List.of(KEY_A), 1_048_576 + round));
      for (int i = 0; i < 20; i++) {
        results.add(send(token, "{}"));
      }
      vertx.timer(250).await();
    }

    for (Future<Integer> result : results) {
      assertEquals(200, result.await());
    }
    assertEquals(0, logs.count("ConfigWatcher", "ERROR"), logs.text());
  }

  private String config(List<String> keys, long bodyLimit) {
    return String.join(
        "\n",
        "mode: development",
        "dataDir: " + dir.resolve("data"),
        "reloadScanMs: 200",
        "http:",
        "  host: 127.0.0.1",
        "  port: 0",
        "  bodyLimitBytes: " + bodyLimit,
        "security:",
        "  secretKey: " + TestConfigs.SECRET_KEY,
        "  jwtSecrets: [" + String.join(", ", keys) + "]",
        "sandbox:",
        "  enabled: false",
        "");
  }

  /** Writes the file the way operators should: a complete new file moved into place. */
  private void write(String text) throws Exception {
    Path temp = dir.resolve("config.yaml.tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private String token(String key) {
    return Tokens.sign(
        vertx, key, Tokens.claims(1_000_000L, "ADMIN", "READ_WRITE", "READ_WRITE"), 600);
  }

  private int status(String token, String body) {
    return send(token, body).await();
  }

  private Future<Integer> send(String token, String body) {
    return client
        .post(node.httpPort(), "127.0.0.1", "/api/fetchIntegration")
        .putHeader("Authorization", "Bearer " + token)
        .sendBuffer(Buffer.buffer(body))
        .map(response -> response.statusCode());
  }

  private void await(BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!condition.getAsBoolean()) {
      assertTrue(System.currentTimeMillis() < deadline, "condition not met within 10 s");
      vertx.timer(100).await();
    }
  }
}
