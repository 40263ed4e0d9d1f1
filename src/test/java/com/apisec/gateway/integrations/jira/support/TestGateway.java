package com.apisec.gateway.integrations.jira.support;

import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.Launcher;
import com.apisec.gateway.sandbox.SandboxFixture;
import com.apisec.gateway.store.Collections;
import com.apisec.gateway.store.EmbeddedStore;
import com.apisec.gateway.testing.LeakWatch;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A whole gateway node for end-to-end tests, started by the launcher: its own embedded store (so
 * tests can read raw documents and the platform's findings) and the sandbox on a free port, with
 * both Jira hosts routed to it. The vendors' published contracts are installed first, so every call
 * the node makes to a stand-in is checked against them; a class using this needs {@code
 * RequiresContracts}.
 */
public final class TestGateway implements AutoCloseable {
  public static final String BASE_URL = "https://example-org.atlassian.net";

  /** The Data Center site of the tests, routed to the sandbox's {@code /jira-dc}. */
  public static final String DC_BASE_URL = "https://jira.example.com";

  private static final AtomicLong ACCOUNTS = new AtomicLong(1_000_000);

  private final Vertx vertx;
  private final EmbeddedStore store;
  private final SandboxClient sandbox;
  private final JWTAuth signer;
  private final WebClient web;
  private final MongoClient raw;
  private final int httpPort;

  private TestGateway(
      Vertx vertx,
      EmbeddedStore store,
      SandboxClient sandbox,
      JWTAuth signer,
      int httpPort,
      String database) {
    this.vertx = vertx;
    this.store = store;
    this.sandbox = sandbox;
    this.signer = signer;
    this.httpPort = httpPort;
    this.web = WebClient.create(vertx);
    this.raw =
        MongoClient.create(
            vertx,
            new JsonObject()
                .put("connection_string", store.connectionString())
                .put("db_name", database));
  }

  /** Starts the store and a node (sandbox included) whose vendor calls time out after the ms. */
  public static TestGateway start(Vertx vertx, Path dir, long requestTimeoutMs) throws Exception {
    int sandboxPort = freePort();
    EmbeddedStore store = EmbeddedStore.start(dir.resolve("store"), "127.0.0.1", 0);
    String jwtSecret = LeakWatch.secret(random(48));
    JsonObject config = config(dir, store, jwtSecret, sandboxPort, requestTimeoutMs);
    SandboxFixture.installContracts(vertx);
    Launcher.Node node =
        Launcher.start(vertx, GatewayConfig.from(config)).await(60, TimeUnit.SECONDS);
    JWTAuth signer =
        JWTAuth.create(
            vertx,
            new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(jwtSecret)));
    SandboxClient sandbox = new SandboxClient(vertx, node.sandboxPort(), "jira");
    return new TestGateway(vertx, store, sandbox, signer, node.httpPort(), "gateway");
  }

  private static JsonObject config(
      Path dir, EmbeddedStore store, String jwtSecret, int sandboxPort, long requestTimeoutMs) {
    return new JsonObject()
        .put("mode", "development")
        .put("dataDir", dir.resolve("data").toString())
        .put("logLevel", "DEBUG")
        .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
        .put(
            "store",
            new JsonObject().put("mongoUri", store.connectionString()).put("database", "gateway"))
        .put(
            "security",
            new JsonObject()
                .put("secretKey", LeakWatch.secret(random(32)))
                .put("jwtSecrets", new JsonArray().add(jwtSecret)))
        .put(
            "outbound",
            new JsonObject()
                .put("connectTimeoutMs", 1000)
                .put("requestTimeoutMs", requestTimeoutMs)
                .put("maxAttempts", 3)
                .put("maxRetryAfterSeconds", 1))
        .put(
            "sandbox",
            new JsonObject()
                .put("enabled", true)
                .put("host", "127.0.0.1")
                .put("port", sandboxPort)
                .put(
                    "routes",
                    new JsonObject()
                        .put("example-org.atlassian.net", "jira")
                        .put("jira.example.com", "jira-dc")));
  }

  public SandboxClient sandbox() {
    return sandbox;
  }

  /** The platform's per-account databases in this node's store. */
  public PlatformFindings findings() {
    return new PlatformFindings(vertx, store.connectionString());
  }

  public int httpPort() {
    return httpPort;
  }

  /** The connection string of the node's store, for reading raw documents. */
  public String storeUri() {
    return store.connectionString();
  }

  /** A fresh account id, so that tests sharing a node never see each other's data. */
  public static long newAccount() {
    return ACCOUNTS.incrementAndGet();
  }

  /** A token with INTEGRATIONS and ISSUES read-write, as the ADMIN role has. */
  public String adminToken(long accountId) {
    return token(accountId, "ADMIN", "READ_WRITE", "READ_WRITE");
  }

  public String token(long accountId, String role, String integrations, String issues) {
    JsonObject claims =
        new JsonObject()
            .put("accountId", accountId)
            .put("sub", "admin@example.com")
            .put("role", role)
            .put(
                "permissions",
                new JsonObject().put("INTEGRATIONS", integrations).put("ISSUES", issues));
    return signer.generateToken(claims, new JWTOptions().setAlgorithm("HS256"));
  }

  /** Signs any claims with the node's key (an {@code exp} in the claims is kept as given). */
  public String sign(JsonObject claims) {
    return signer.generateToken(claims, new JWTOptions().setAlgorithm("HS256"));
  }

  /** POST /api/{operation} and wait for the answer. */
  public HttpResponse<Buffer> post(String operation, String token, JsonObject body) {
    return send(operation, token, body).await();
  }

  /** POST /api/{operation} without waiting, for requests that must run at the same time. */
  public Future<HttpResponse<Buffer>> send(String operation, String token, JsonObject body) {
    return web.post(httpPort, "127.0.0.1", "/api/" + operation)
        .putHeader("Authorization", "Bearer " + token)
        .sendJsonObject(body)
        .onSuccess(response -> LeakWatch.response(response.bodyAsString()));
  }

  /** Writes a document into one of the node's own collections, as another service might. */
  public void saveRaw(String collection, JsonObject document) {
    raw.save(collection, document).await();
  }

  /** The account's integration document exactly as stored. */
  public JsonObject storedIntegration(long accountId) {
    return raw.findOne(
            Collections.JIRA_INTEGRATIONS, new JsonObject().put("accountId", accountId), null)
        .await();
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
    store.close();
  }

  /** A port that was free a moment ago: the sandbox needs a fixed one for the routing. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String random(int bytes) {
    byte[] out = new byte[bytes];
    new SecureRandom().nextBytes(out);
    return Base64.getEncoder().encodeToString(out);
  }
}
