package com.apisec.gateway.sandbox;

import com.apisec.gateway.core.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;

/**
 * The vendor sandbox for tests: deployed on a free loopback port, optionally with the vendors'
 * contract checks, with short ways to reset it and to read what it received.
 *
 * <p>Its methods block until the sandbox answers, so call them from the test thread (as in a
 * {@code @BeforeAll} or a test method taking {@code Vertx}), never from an event loop:
 *
 * <pre>{@code
 * @RequiresContracts
 * @ExtendWith(VertxExtension.class)
 * class MyClientTest {
 * static SandboxFixture sandbox;
 *
 * @BeforeAll
 * static void startSandbox(Vertx vertx) {
 *   sandbox = SandboxFixture.withContracts(vertx);
 * }
 *
 * @AfterEach
 * void noViolations() {
 *   sandbox.assertNoViolations();
 *   sandbox.reset();
 * }
 * }
 * }</pre>
 */
public final class SandboxFixture {
  public static final String HOST = "127.0.0.1";

  private final Vertx vertx;
  private final SandboxVerticle verticle;
  private final String deploymentId;
  private final WebClient client;

  private SandboxFixture(Vertx vertx, SandboxVerticle verticle, String deploymentId) {
    this.vertx = vertx;
    this.verticle = verticle;
    this.deploymentId = deploymentId;
    this.client = WebClient.create(vertx);
  }

  /**
   * A sandbox holding every vendor to its contract. Without the contracts it skips the calling test
   * (fails it on CI); mark the class {@link RequiresContracts} so the skip is reported.
   */
  public static SandboxFixture withContracts(Vertx vertx) {
    return start(vertx, contracts());
  }

  /**
   * Installs the contract checks on {@code vertx}, so that the sandbox a whole node deploys there
   * holds every call to them; call it before the node starts. Skips like {@link #withContracts}.
   */
  public static void installContracts(Vertx vertx) {
    SandboxChecks.install(vertx, contracts());
  }

  private static List<RequestCheck> contracts() {
    return List.of(JiraCloudContractCheck.load(), JiraDataCenterContractCheck.load());
  }

  /** A sandbox with the given checks (none: only the stand-ins' own rules apply). */
  public static SandboxFixture start(Vertx vertx, List<RequestCheck> checks) {
    GatewayConfig.Sandbox config = new GatewayConfig.Sandbox(true, HOST, 0, Map.of());
    SandboxVerticle verticle = new SandboxVerticle(config, checks);
    String id = vertx.deployVerticle(verticle).await();
    return new SandboxFixture(vertx, verticle, id);
  }

  public int port() {
    return verticle.port();
  }

  /** Where the sandbox listens, such as {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return "http://" + HOST + ":" + port();
  }

  /** Where a vendor's stand-in answers, such as {@code http://127.0.0.1:41234/jira}. */
  public String vendorUrl(String vendor) {
    return baseUrl() + "/" + vendor;
  }

  /** A request to a stand-in, e.g. {@code request(POST, "jira", "/rest/api/3/issue")}. */
  public HttpRequest<Buffer> request(HttpMethod method, String vendor, String path) {
    return client.requestAbs(method, vendorUrl(vendor) + path);
  }

  /** Clears failure switches, recorded calls, violations and every stand-in's state. */
  public void reset() {
    expect(204, client.postAbs(baseUrl() + "/_reset").send().await());
  }

  /** Sends a {@code /_control} body, e.g. {@code {"vendor":"jira","failNext":1,"status":503}}. */
  public JsonObject control(JsonObject settings) {
    HttpResponse<Buffer> response =
        client.postAbs(baseUrl() + "/_control").sendJsonObject(settings).await();
    return expect(200, response).bodyAsJsonObject();
  }

  /** The calls a vendor's stand-in received, oldest first. */
  public JsonArray requests(String vendor) {
    return get("/_requests?vendor=" + vendor);
  }

  /** Every contract violation found since the last reset. */
  public JsonArray violations() {
    return get("/_violations");
  }

  /** Fails the test, listing them, when any call broke a vendor contract. */
  public void assertNoViolations() {
    JsonArray violations = violations();
    Assertions.assertTrue(
        violations.isEmpty(),
        () -> "calls broke a vendor contract: " + violations.encodePrettily());
  }

  /** Undeploys the sandbox; the test's Vert.x instance stays up. */
  public void close() {
    client.close();
    vertx.undeploy(deploymentId).await();
  }

  private JsonArray get(String pathAndQuery) {
    return expect(200, client.getAbs(baseUrl() + pathAndQuery).send().await()).bodyAsJsonArray();
  }

  private static HttpResponse<Buffer> expect(int status, HttpResponse<Buffer> response) {
    Assertions.assertEquals(
        status, response.statusCode(), () -> "sandbox answered " + response.bodyAsString());
    return response;
  }
}
