package com.apisec.gateway.bench;

import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.Launcher;
import io.vertx.core.DeploymentOptions;
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
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The two servers {@code scripts/bench-overhead.sh} loads side by side, in one process: a whole
 * gateway node (with the Jira stand-in in its sandbox) serving {@code createGeneralJiraTicket}, and
 * a bare Vert.x pass-through that makes the same Jira create call to the same stand-in. Once both
 * listen it writes their addresses, a token and a request body to the file named by its argument,
 * and keeps serving until the process is stopped.
 */
public final class OverheadBenchmark {
  /**
   * One pass-through instance per core, so the baseline may use every event loop the way the
   * gateway spreads its HTTP side, Jira verticle and store over several.
   */
  private static final int PASS_THROUGH_INSTANCES = Runtime.getRuntime().availableProcessors();

  private OverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path ready = Path.of(args[0]);
    Vertx vertx = Vertx.vertx();
    String jwtSecret = random(48);
    Launcher.Node node = Launcher.start(vertx, config(jwtSecret)).await();
    String token = token(vertx, jwtSecret);
    saveJira(vertx, node.httpPort(), token);
    int passPort = freePort();
    vertx
        .deployVerticle(
            () ->
                new PassThroughVerticle(
                    passPort, node.sandboxPort(), "[email protected]", "bench-token"),
            new DeploymentOptions().setInstances(PASS_THROUGH_INSTANCES))
        .await();
    Path body = ready.resolveSibling("ticket.json");
    Files.write(body, ticket().getBytes());
    String facts =
        String.join(
            "\n",
            "GATEWAY_URL=http://127.0.0.1:" + node.httpPort() + "/api/createGeneralJiraTicket",
            "PASS_URL=http://127.0.0.1:" + passPort + "/",
            "TOKEN=" + token,
            "BODY=" + body,
            "");
    Path partial = ready.resolveSibling("ready.tmp");
    Files.writeString(partial, facts);
    Files.move(partial, ready, StandardCopyOption.ATOMIC_MOVE);
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
    int sandboxPort = freePort();
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

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String random(int bytes) {
    byte[] out = new byte[bytes];
    new SecureRandom().nextBytes(out);
    return Base64.getEncoder().encodeToString(out);
  }
}
