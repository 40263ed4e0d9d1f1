package com.apisec.gateway.cluster;

import static com.apisec.gateway.cluster.GatewayProcesses.GATEWAY_MAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.api.Tokens;
import com.apisec.gateway.cluster.GatewayProcesses.Started;
import com.apisec.gateway.core.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes as separate JVMs around one store process, running the real integrations: "a" and "b" each
 * run their own sandbox and route Jira's host to it, so the sandbox that records a Jira call names
 * the node whose verticle and outbound client made it. "c" is API-only ({@code node.integrations:
 * false}) and has no sandbox.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class LocalDeliveryProcessTest {
  private static final long ACCOUNT = 1_000_000L;
  private static final String PRIORITIES = "/rest/api/3/priority";
  private static final int REQUESTS = 10;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir static Path dir;
  static GatewayProcesses processes;
  static String token;
  static Path integrationConfig;
  static Node a;
  static Node b;
  static Node c;

  /** A started node and the port of the sandbox it runs (0: none). */
  record Node(Started process, int sandboxPort) {
    String sandbox(String path) {
      return "http://127.0.0.1:" + sandboxPort + path;
    }
  }

  @BeforeAll
  @Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  static void startCluster(Vertx vertx) throws Exception {
    processes = new GatewayProcesses(dir);
    token = Tokens.admin(vertx, ACCOUNT);
    integrationConfig = writeConfig(dir.resolve("integrations.yaml"), true);
    Path apiOnlyConfig = writeConfig(dir.resolve("api-only.yaml"), false);
    processes.startStore();

    a = integrationNode("a");
    processes.awaitReady(a.process());
    b = integrationNode("b");
    Started apiOnly =
        processes.startNode(
            "c",
            GATEWAY_MAIN,
            Map.of("GATEWAY_SANDBOX_ENABLED", "false"),
            List.of("--config", "" + apiOnlyConfig, "--cluster"));
    c = new Node(apiOnly, 0);
    processes.awaitReady(b.process());
    processes.awaitReady(c.process());
    Http.Answer saved = Http.post(a.process().url("/api/jira/add"), token, save());
    assertEquals(200, saved.statusCode(), saved.body());
    untilServedBy(c, List.of(a, b));
  }

  @AfterAll
  static void stopAll() {
    if (processes != null) {
      processes.close();
    }
  }

  @Test
  void integrationNode_servesEveryRequestItTakesWithItsOwnVerticle() {
    for (Node node : List.of(a, b)) {
      reset(a, b);

      List<Http.Answer> answers = fetchPriorities(node, REQUESTS);

      answers.forEach(answer -> assertEquals(200, answer.statusCode(), answer.body()));
      Node other = node == a ? b : a;
      assertEquals(REQUESTS, priorityCalls(node), node.process().name() + "'s sandbox");
      assertEquals(0, priorityCalls(other), other.process().name() + "'s sandbox");
    }
  }

  @Test
  void apiOnlyNode_getsItsAnswersFromTheMembersThatRunIntegrations() {
    reset(a, b);

    List<Http.Answer> answers = fetchPriorities(c, REQUESTS);

    for (Http.Answer answer : answers) {
      assertEquals(200, answer.statusCode(), answer.body());
      assertTrue(new JsonArray(answer.body()).size() > 0, answer.body());
    }
    assertEquals(REQUESTS, priorityCalls(a) + priorityCalls(b));
  }

  @Test
  void memberKilledMidRequest_requestsToAnotherIntegrationNodeAllAnswered() throws Exception {
    Node d = integrationNode("d");
    processes.awaitReady(d.process());
    untilServedBy(c, List.of(d));
    control(d, new JsonObject().put("failNext", 100).put("delayMs", 5_000).put("path", PRIORITIES));
    ExecutorService clients = Executors.newFixedThreadPool(6);
    List<CompletableFuture<Http.Answer>> inFlight =
        IntStream.range(0, 6)
            .mapToObj(i -> CompletableFuture.supplyAsync(() -> fetchPriorities(a), clients))
            .toList();
    GatewayProcesses.sleep(1_000);

    GatewayProcesses.crash(d.process());
    long crashed = System.nanoTime();
    List<Http.Answer> answers = inFlight.stream().map(CompletableFuture::join).toList();
    long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - crashed);
    clients.shutdown();

    answers.forEach(answer -> assertEquals(200, answer.statusCode(), answer.body()));
    assertTrue(waitedMs < 3_000, "answers came " + waitedMs + " ms after the crash");
    for (Node node : List.of(a, b, c)) {
      awaitMembers(node, 3);
    }
  }

  @Test
  void apiOnlyNode_memberKilledMidRequest_answers503OnceTheMemberIsGone() throws Exception {
    Node e = integrationNode("e");
    processes.awaitReady(e.process());
    untilServedBy(c, List.of(e));
    control(
        e, new JsonObject().put("failNext", 100).put("delayMs", 15_000).put("path", PRIORITIES));
    ExecutorService clients = Executors.newFixedThreadPool(6);
    List<CompletableFuture<Http.Answer>> inFlight =
        IntStream.range(0, 6)
            .mapToObj(i -> CompletableFuture.supplyAsync(() -> fetchPriorities(c), clients))
            .toList();
    GatewayProcesses.sleep(1_000);

    GatewayProcesses.crash(e.process());
    long crashed = System.nanoTime();
    List<Http.Answer> answers = inFlight.stream().map(CompletableFuture::join).toList();
    long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - crashed);
    clients.shutdown();

    // Round robin over a, b and e: e took two of the six; the bus timeout here is 23 s.
    List<Http.Answer> left = answers.stream().filter(a -> a.statusCode() != 200).toList();
    assertEquals(2, left.size(), answers.toString());
    for (Http.Answer answer : left) {
      assertEquals(503, answer.statusCode(), answer.body());
      assertTrue(answer.body().contains("left before answering"), answer.body());
    }
    assertTrue(waitedMs < 5_000, "answers came " + waitedMs + " ms after the crash");
    for (Node node : List.of(a, b, c)) {
      awaitMembers(node, 3);
    }
  }

  private static Node integrationNode(String name) {
    int sandboxPort = TestConfigs.freePort();
    Started node =
        processes.startNode(
            name,
            GATEWAY_MAIN,
            Map.of("GATEWAY_SANDBOX_PORT", "" + sandboxPort),
            List.of("--config", "" + integrationConfig, "--cluster"));
    return new Node(node, sandboxPort);
  }

  /**
   * Sends requests through {@code apiOnly} until each of {@code members}' sandboxes has seen one,
   * so that the cluster has told everyone where their verticles are.
   */
  private static void untilServedBy(Node apiOnly, List<Node> members) {
    processes.await(
        apiOnly.process(),
        Duration.ofSeconds(30),
        () -> {
          fetchPriorities(apiOnly);
          return members.stream().allMatch(member -> priorityCalls(member) > 0);
        });
  }

  private static List<Http.Answer> fetchPriorities(Node node, int count) {
    return IntStream.range(0, count).mapToObj(i -> fetchPriorities(node)).toList();
  }

  private static Http.Answer fetchPriorities(Node node) {
    return Http.post(node.process().url("/api/jira/fetchPriorities"), token, new JsonObject());
  }

  private static long priorityCalls(Node node) {
    JsonArray calls = new JsonArray(get(node.sandbox("/_requests?vendor=jira")));
    return calls.stream()
        .map(JsonObject.class::cast)
        .filter(call -> PRIORITIES.equals(call.getString("path")))
        .count();
  }

  private static void reset(Node... nodes) {
    for (Node node : nodes) {
      assertEquals(204, post(node.sandbox("/_reset"), ""));
    }
  }

  private static void control(Node node, JsonObject settings) {
    assertEquals(200, post(node.sandbox("/_control"), settings.put("vendor", "jira").encode()));
  }

  private static void awaitMembers(Node node, int count) {
    processes.await(
        node.process(),
        Duration.ofSeconds(30),
        () -> {
          JsonObject health = Http.get(node.process().url("/health")).json();
          return health.getJsonObject("checks").getJsonObject("cluster").getInteger("members")
              == count;
        });
  }

  private static String get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET().build()).body();
  }

  private static int post(String url, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build();
    return send(request).statusCode();
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("sandbox call failed: " + request.uri(), e);
    }
  }

  private static JsonObject save() {
    return new JsonObject()
        .put("baseUrl", "https://example-org.atlassian.net")
        .put("userEmail", "[email protected]")
        .put("apiToken", "local-delivery-test-token")
        .put("jiraType", "CLOUD")
        .put("projectMappings", new JsonObject().put("SCRUM", new JsonObject()));
  }

  private static Path writeConfig(Path file, boolean integrations) throws Exception {
    String yaml =
        String.join(
            "\n",
            "mode: development",
            "http: {host: 127.0.0.1}",
            "sandbox: {enabled: true, routes: {example-org.atlassian.net: jira}}",
            "node: {integrations: " + integrations + ", shutdownGraceSeconds: 5}",
            "outbound: {connectTimeoutMs: 1000, requestTimeoutMs: 8000, maxAttempts: 1,"
                + " maxRetryAfterSeconds: 0}",
            "cluster: {host: 127.0.0.1, members: [127.0.0.1]}",
            "");
    return Files.writeString(file, yaml);
  }
}
