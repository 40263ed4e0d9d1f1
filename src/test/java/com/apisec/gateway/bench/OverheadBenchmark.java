package com.apisec.gateway.bench;

import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.Launcher;
import com.apisec.gateway.sandbox.SandboxVerticle;
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
import java.util.List;
import java.util.Map;

/**
 * The three servers {@code scripts/bench-overhead.sh} runs, one per process, so that each one's CPU
 * time can be read apart and neither side's compiled code is shaped by the other's:
 *
 * <ul>
 *   <li>{@code standin FILE}: the Jira Cloud stand-in alone, which both sides call;
 *   <li>{@code gateway FILE PORT}: a whole gateway node whose Jira calls go to the stand-in at
 *       {@code PORT}, serving {@code createGeneralJiraTicket};
 *   <li>{@code passthrough FILE PORT}: a bare Vert.x server that makes the same Jira create call to
 *       the same stand-in.
 * </ul>
 *
 * Once listening, each writes what the script needs (addresses, and for the gateway a token and a
 * request body) as shell assignments to {@code FILE}, and serves until the process is stopped.
 */
public final class OverheadBenchmark {
  private static final String JIRA_HOST = "example-org.atlassian.net";

  /**
   * One pass-through instance per core, so the baseline may use every event loop the way the
   * gateway spreads its HTTP side, Jira verticle and store over several.
   */
  private static final int PASS_THROUGH_INSTANCES = Runtime.getRuntime().availableProcessors();

  private OverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || !List.of("standin", "gateway", "passthrough").contains(args[0])) {
      System.err.println("usage: OverheadBenchmark standin FILE | gateway|passthrough FILE PORT");
      System.exit(2);
    }
    Path ready = Path.of(args[1]);
    Vertx vertx = Vertx.vertx();
    String facts =
        switch (args[0]) {
          case "standin" -> standIn(vertx);
          case "gateway" -> gateway(vertx, Integer.parseInt(args[2]), ready);
          default -> passThrough(vertx, Integer.parseInt(args[2]));
        };
    Path partial = ready.resolveSibling(ready.getFileName() + ".tmp");
    Files.writeString(partial, facts);
    Files.move(partial, ready, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String standIn(Vertx vertx) {
    SandboxVerticle sandbox = new SandboxVerticle(sandbox(0, true), List.of());
    vertx.deployVerticle(sandbox).await();
    return "STANDIN_PORT=" + sandbox.port() + "\n";
  }

  private static String gateway(Vertx vertx, int standInPort, Path ready) throws Exception {
    String jwtSecret = random(48);
    Launcher.Node node = Launcher.start(vertx, config(jwtSecret, standInPort)).await();
    String token = token(vertx, jwtSecret);
    saveJira(vertx, node.httpPort(), token);
    Path body = ready.resolveSibling("ticket.json");
    Files.write(body, ticket().getBytes());
    return String.join(
        "\n",
        "GATEWAY_URL=http://127.0.0.1:" + node.httpPort() + "/api/createGeneralJiraTicket",
        "TOKEN=" + token,
        "BODY=" + body,
        "");
  }

  private static String passThrough(Vertx vertx, int standInPort) throws Exception {
    int port = freePort();
    vertx
        .deployVerticle(
            () -> new PassThroughVerticle(port, standInPort, "[email protected]", "bench-token"),
            new DeploymentOptions().setInstances(PASS_THROUGH_INSTANCES))
        .await();
    return "PASS_URL=http://127.0.0.1:" + port + "/\n";
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
            .put("baseUrl", "https://" + JIRA_HOST)
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

  private static GatewayConfig.Sandbox sandbox(int port, boolean serve) {
    return new GatewayConfig.Sandbox(true, "127.0.0.1", port, Map.of(JIRA_HOST, "jira"), serve);
  }

  /** A development node whose sandbox routes go to the stand-in process instead of its own. */
  private static GatewayConfig config(String jwtSecret, int standInPort) throws Exception {
    Path dir = Files.createTempDirectory("bench");
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
                    .put("serve", false)
                    .put("port", standInPort)
                    .put("routes", new JsonObject().put(JIRA_HOST, "jira")));
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
