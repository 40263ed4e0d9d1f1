package com.apisec.gateway.cluster;

import static com.apisec.gateway.cluster.GatewayProcesses.GATEWAY_MAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.api.Tokens;
import com.apisec.gateway.cluster.GatewayProcesses.Started;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nodes as separate JVMs around one store process: node "a" is API-only ({@code node.integrations:
 * false}), node "b" and the nodes each test adds hold a stand-in for {@code fetchIntegration}, so
 * an answer names the member that handled the request.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 100, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ClusterProcessTest {
  static final String STAND_IN_MAIN = StandInNode.class.getName();
  static final long ACCOUNT = 1_000_000L;
  private static final Logger LOG = LoggerFactory.getLogger(ClusterProcessTest.class);

  @TempDir static Path dir;
  static GatewayProcesses processes;
  static Path config;
  static String token;
  static Started a;
  static Started b;

  @BeforeAll
  @Timeout(value = 150, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
  static void startCluster(Vertx vertx) throws Exception {
    processes = new GatewayProcesses(dir);
    config = writeConfig(dir.resolve("config.yaml"));
    token = Tokens.admin(vertx, ACCOUNT);
    processes.startStore();

    a =
        processes.startNode(
            "a", GATEWAY_MAIN, Map.of(), List.of("--config", "" + config, "--cluster"));
    processes.awaitReady(a);
    b = standIn("b");
    processes.awaitReady(b);
  }

  @AfterAll
  static void stopAll() {
    if (processes != null) {
      processes.close();
    }
  }

  @Test
  void apiOnlyNode_handsTheOperationToTheMemberThatServesIt() {
    JsonObject body = new JsonObject();

    Http.Answer answer = untilServed(a, body);

    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals("b", answer.json().getString("answeredBy"));
    assertEquals(ACCOUNT, answer.json().getLong("accountId"));
    String metrics = Http.get(a.url("/metrics")).body();
    assertTrue(metrics.matches("(?s).*\\ngateway_cluster_members [2-9]\\.0.*"), metrics);
  }

  @Test
  void killedMember_onceTheClusterNoticed_noRequestToTheOthersFails() throws Exception {
    Started c = standIn("c");
    processes.awaitReady(c);
    int withC = members(c);
    untilAnsweredBy(a, "c");
    RequestFlow flow = RequestFlow.start(List.of(a, b), node -> fetch(node, new JsonObject()));
    GatewayProcesses.sleep(500);

    GatewayProcesses.crash(c);
    long crashed = System.nanoTime();
    awaitMembers(a, withC - 1);
    awaitMembers(b, withC - 1);
    long noticed = System.nanoTime();
    List<RequestFlow.Outcome> outcomes = flow.stopAfter(noticed, 30, Duration.ofSeconds(30));

    List<RequestFlow.Outcome> after =
        outcomes.stream().filter(o -> o.startedNanos() > noticed).toList();
    List<RequestFlow.Outcome> failed =
        after.stream().filter(o -> o.status() != 200 || "c".equals(o.answeredBy())).toList();
    LOG.info(
        "crash noticed [ms: {}, requests before: {}, failed before: {}, after: {}]",
        TimeUnit.NANOSECONDS.toMillis(noticed - crashed),
        outcomes.size() - after.size(),
        outcomes.stream()
            .filter(o -> o.startedNanos() <= noticed && o.status() != 200)
            .map(o -> o.status() + " " + o.body())
            .toList(),
        after.size());
    assertTrue(after.size() >= 30, "too few requests after the crash was noticed: " + after.size());
    assertEquals(List.of(), failed);
    assertTrue(after.stream().allMatch(o -> "b".equals(o.answeredBy())));
  }

  @Test
  void sigterm_letsTheRequestInFlightFinish_thenTheNodeLeaves() throws Exception {
    Started d = standIn("d");
    processes.awaitReady(d);
    int withD = members(d);
    assertEquals(200, untilServed(d, new JsonObject()).statusCode());
    CompletableFuture<Http.Answer> slow =
        CompletableFuture.supplyAsync(() -> fetch(d, new JsonObject().put("delayMs", 2_000)));
    GatewayProcesses.sleep(700);

    d.process().destroy();
    Http.Answer answer = slow.get(20, TimeUnit.SECONDS);
    boolean exited = d.process().waitFor(30, TimeUnit.SECONDS);

    assertEquals(200, answer.statusCode(), answer.body());
    assertTrue(exited, "node d still runs 30 s after SIGTERM");
    String log = d.logText();
    log.lines().filter(line -> line.contains("GracefulStop")).forEach(LOG::info);
    for (String step : List.of("http server closed", "verticles undeployed", "left the cluster")) {
      assertTrue(log.contains(step), "missing step '" + step + "' in:\n" + log);
    }
    assertFalse(log.contains(" ERROR "), "an error while stopping:\n" + log);
    awaitMembers(a, withD - 1);
  }

  @Test
  void clusterWithoutStoreUri_exitsNonZeroSayingWhatToDo() throws Exception {
    Map<String, String> noStore = Map.of("GATEWAY_MONGO_URI", "");

    Started lone = processes.startNode("no-store", GATEWAY_MAIN, noStore, clusterArgs());
    boolean exited = lone.process().waitFor(30, TimeUnit.SECONDS);

    assertTrue(exited, "still running 30 s later");
    assertNotEquals(0, lone.process().exitValue());
    assertRefusal(lone.logText(), "scripts/store.sh", "GATEWAY_MONGO_URI", "replica set");
  }

  @Test
  void clusterWithoutKeys_exitsNonZeroNamingThem() throws Exception {
    Map<String, String> noKeys = Map.of("GATEWAY_SECRET_KEY", "", "GATEWAY_JWT_SECRET", "");

    Started lone = processes.startNode("no-keys", GATEWAY_MAIN, noKeys, clusterArgs());
    boolean exited = lone.process().waitFor(30, TimeUnit.SECONDS);

    assertTrue(exited, "still running 30 s later");
    assertNotEquals(0, lone.process().exitValue());
    assertRefusal(lone.logText(), "GATEWAY_SECRET_KEY", "GATEWAY_JWT_SECRET");
    assertFalse(Files.exists(dir.resolve("no-keys").resolve("secret.key")));
  }

  @Test
  void storeProcess_onSigterm_closesItsFileAndExits() throws Exception {
    Started store = processes.startSpareStore();

    store.process().destroy();
    boolean exited = store.process().waitFor(15, TimeUnit.SECONDS);

    assertTrue(exited, "store still runs 15 s after SIGTERM");
    assertTrue(store.logText().contains("store stopped"), store.logText());
  }

  private static void assertRefusal(String log, String... mentions) {
    List<String> errors = log.lines().filter(line -> line.contains(" ERROR ")).toList();
    assertEquals(1, errors.size(), log);
    for (String mention : mentions) {
      assertTrue(errors.get(0).contains(mention), errors.get(0));
    }
    assertFalse(log.contains("\tat "), "stack trace in:\n" + log);
  }

  private static List<String> clusterArgs() {
    return List.of("--config", "" + config, "--cluster");
  }

  /** The member count the node reports on {@code /health}. */
  static int members(Started node) {
    Http.Answer health = Http.get(node.url("/health"));
    JsonObject cluster = health.json().getJsonObject("checks").getJsonObject("cluster");
    return cluster.getInteger("members");
  }

  static void awaitMembers(Started node, int count) {
    processes.await(node, Duration.ofSeconds(30), () -> members(node) == count);
  }

  /** Sends requests to {@code node} until one is answered by {@code member}. */
  static void untilAnsweredBy(Started node, String member) {
    processes.await(
        node,
        Duration.ofSeconds(20),
        () -> {
          Http.Answer answer = fetch(node, new JsonObject());
          return answer.statusCode() == 200 && member.equals(answer.json().getString("answeredBy"));
        });
  }

  private static Started standIn(String name) {
    return processes.startNode(name, STAND_IN_MAIN, Map.of(), List.of("" + config));
  }

  /** Retries while the cluster has not yet told {@code node} where the handler lives. */
  static Http.Answer untilServed(Started node, JsonObject body) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Http.Answer answer = fetch(node, body);
    while (answer.statusCode() == 503 && System.nanoTime() < deadline) {
      GatewayProcesses.sleep(200);
      answer = fetch(node, body);
    }
    return answer;
  }

  static Http.Answer fetch(Started node, JsonObject body) {
    return Http.post(node.url("/api/fetchIntegration"), token, body);
  }

  private static Path writeConfig(Path file) throws Exception {
    String yaml =
        String.join(
            "\n",
            "mode: development",
            "http: {host: 127.0.0.1}",
            "sandbox: {enabled: false}",
            "node: {integrations: false, shutdownGraceSeconds: 5}",
            "outbound: {connectTimeoutMs: 500, requestTimeoutMs: 500, maxAttempts: 1,"
                + " maxRetryAfterSeconds: 0}",
            "cluster: {host: 127.0.0.1, members: [127.0.0.1]}",
            "");
    return Files.writeString(file, yaml);
  }
}
