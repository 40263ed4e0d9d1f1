package com.apisec.gateway.bench;

import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.Launcher;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.client.WebClient;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The gateway's overhead: {@code createGeneralJiraTicket} through a whole node to the Jira
 * stand-in, against a bare Vert.x pass-through to the same stand-in, side by side in one run.
 * Prints throughput (closed loop) and p50/p99 latency at half the pass-through's throughput (open
 * loop), and their ratios. Arguments: seconds per measurement (default 15), concurrency (16).
 */
public final class OverheadBenchmark {
  private OverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    long ms = (args.length > 0 ? Long.parseLong(args[0]) : 15) * 1000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    Vertx vertx = Vertx.vertx();
    String jwtSecret = random(48);
    Launcher.Node node = Launcher.start(vertx, config(jwtSecret)).await();
    String token = token(vertx, jwtSecret);
    saveJira(vertx, node.httpPort(), token);
    PassThroughVerticle pass =
        new PassThroughVerticle(node.sandboxPort(), "[email protected]", "bench-token");
    vertx.deployVerticle(pass).await();

    LoadGenerator load = new LoadGenerator(vertx);
    Buffer body = ticket();
    String gatewayPath = "/api/createGeneralJiraTicket";
    print("warm-up", load.closedLoop(node.httpPort(), gatewayPath, token, body, concurrency, 5000));
    print("warm-up", load.closedLoop(pass.port(), "/", token, body, concurrency, 5000));

    LoadGenerator.Result gw =
        load.closedLoop(node.httpPort(), gatewayPath, token, body, concurrency, ms);
    LoadGenerator.Result pt = load.closedLoop(pass.port(), "/", token, body, concurrency, ms);
    print("gateway    closed loop", gw);
    print("passthrough closed loop", pt);
    double rate = pt.throughput() / 2;
    LoadGenerator.Result gwHalf =
        load.openLoop(node.httpPort(), gatewayPath, token, body, rate, ms);
    LoadGenerator.Result ptHalf = load.openLoop(pass.port(), "/", token, body, rate, ms);
    print(String.format(Locale.ROOT, "gateway    at %.0f/s", rate), gwHalf);
    print(String.format(Locale.ROOT, "passthrough at %.0f/s", rate), ptHalf);

    double ratio = gw.throughput() / pt.throughput();
    double added = gwHalf.p99Ms() - ptHalf.p99Ms();
    System.out.printf(
        Locale.ROOT,
        "throughput ratio gateway/passthrough: %.2f (target >= 0.80: %s)%n",
        ratio,
        ratio >= 0.8 ? "met" : "NOT met");
    System.out.printf(
        Locale.ROOT,
        "p99 added at half load: %.2f ms (target <= 3 ms: %s)%n",
        added,
        added <= 3 ? "met" : "NOT met");
    vertx.close().await();
  }

  private static void print(String label, LoadGenerator.Result r) {
    System.out.printf(
        Locale.ROOT,
        "%-26s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d of %d%n",
        label,
        r.throughput(),
        r.p50Ms(),
        r.p99Ms(),
        r.errors(),
        r.requests());
  }

  private static Buffer ticket() {
    return new JsonObject()
        .put("projId", "SCRUM")
        .put("issueType", "10001")
        .put("title", "Potential BOLA vulnerability on /api/v1/users endpoint")
        .put("description", "Unauthorized access to other users' data was detected.")
        .put("labels", "security,akto")
        .toBuffer();
  }

  private static void saveJira(Vertx vertx, int port, String token) {
    JsonObject save =
        new JsonObject()
            .put("baseUrl", "https://example-org.atlassian.net")
            .put("userEmail", "[email protected]")
            .put("apiToken", "bench-token")
            .put("projectMappings", new JsonObject().put("SCRUM", new JsonObject()));
    int status =
        WebClient.create(vertx)
            .post(port, "127.0.0.1", "/api/jira/add")
            .putHeader("Authorization", "Bearer " + token)
            .sendJsonObject(save)
            .await()
            .statusCode();
    if (status != 200) {
      throw new IllegalStateException("jira/add answered " + status);
    }
  }

  private static GatewayConfig config(String jwtSecret) throws Exception {
    Path dir = Files.createTempDirectory("bench");
    int sandboxPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      sandboxPort = socket.getLocalPort();
    }
    JsonObject json =
        new JsonObject()
            .put("dataDir", dir.toString())
            .put("logLevel", "WARN")
            .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
            .put(
                "security",
                new JsonObject()
                    .put("secretKey", random(32))
                    .put("jwtSecrets", new JsonArray().add(jwtSecret)))
            .put(
                "sandbox",
                new JsonObject()
                    .put("enabled", true)
                    .put("port", sandboxPort)
                    .put("routes", new JsonObject().put("example-org.atlassian.net", "jira")));
    return GatewayConfig.from(json);
  }

  private static String token(Vertx vertx, String secret) {
    JWTAuth auth =
        JWTAuth.create(
            vertx,
            new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    JsonObject claims =
        new JsonObject()
            .put("accountId", 1_000_000)
            .put("role", "ADMIN")
            .put(
                "permissions",
                new JsonObject().put("INTEGRATIONS", "READ_WRITE").put("ISSUES", "READ_WRITE"));
    return auth.generateToken(claims, new JWTOptions().setExpiresInMinutes(60));
  }

  private static String random(int bytes) {
    byte[] out = new byte[bytes];
    new SecureRandom().nextBytes(out);
    return Base64.getEncoder().encodeToString(out);
  }
}
