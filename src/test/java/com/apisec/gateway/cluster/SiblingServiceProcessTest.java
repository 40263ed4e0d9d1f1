package com.apisec.gateway.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.api.Tokens;
import com.apisec.gateway.cluster.GatewayProcesses.Started;
import com.apisec.gateway.core.Addresses;
import com.apisec.gateway.core.ClusterJoin;
import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sibling service on another member of the cluster (this test JVM, joined to Hazelcast) asks a
 * gateway node (a separate JVM with the sandbox) for a threat ticket over the event bus and gets
 * the key back; failures cross the bus as the HTTP statuses.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class SiblingServiceProcessTest {
  private static final long ACCOUNT = 1_000_000L;

  @TempDir static Path dir;
  static GatewayProcesses processes;
  static Started gateway;
  static Vertx sibling;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    processes = new GatewayProcesses(dir);
    processes.startStore();
    Path config = writeConfig(dir.resolve("config.yaml"), TestConfigs.freePort());
    gateway =
        processes.startNode(
            "gw",
            GatewayProcesses.GATEWAY_MAIN,
            Map.of(),
            List.of("--config", "" + config, "--cluster"));
    processes.awaitReady(gateway);
    String token = Tokens.admin(vertx, ACCOUNT);
    Http.Answer saved = Http.post(gateway.url("/api/jira/add"), token, save());
    assertEquals(200, saved.statusCode(), saved.body());
    sibling = joinCluster();
  }

  @AfterAll
  static void stop() throws Exception {
    if (sibling != null) {
      sibling.close().await(30, TimeUnit.SECONDS);
    }
    if (processes != null) {
      processes.close();
    }
  }

  @Test
  void siblingService_threatTicketByMessage_getsTheKeyBack() {
    JsonObject reply = untilServed(envelope(ticket()));

    assertTrue(reply.getString("jiraTicketKey").matches("SCRUM-\\d+"), reply.encode());
    assertEquals(
        "https://example-org.atlassian.net/browse/" + reply.getString("jiraTicketKey"),
        reply.getString("jiraTicketUrl"));
  }

  @Test
  void siblingService_invalidRequest_failsWith422NamingTheField() {
    untilServed(envelope(ticket()));
    JsonObject body = ticket();
    body.remove("title");

    ReplyException failure = failure(envelope(body));

    assertEquals(422, failure.failureCode());
    assertTrue(failure.getMessage().contains("title"), failure.getMessage());
  }

  private static JsonObject untilServed(JsonObject envelope) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return (JsonObject)
            sibling
                .eventBus()
                .request(Addresses.JIRA_CREATE_GENERAL_TICKET, envelope)
                .await(20, TimeUnit.SECONDS)
                .body();
      } catch (Exception e) {
        boolean noHandler =
            e instanceof ReplyException r
                && r.failureType() == io.vertx.core.eventbus.ReplyFailure.NO_HANDLERS;
        if (!noHandler || System.nanoTime() > deadline) {
          throw new AssertionError("no answer over the event bus: " + e, e);
        }
        GatewayProcesses.sleep(200);
      }
    }
  }

  private static ReplyException failure(JsonObject envelope) {
    try {
      sibling.eventBus().request(Addresses.JIRA_CREATE_GENERAL_TICKET, envelope).await();
      throw new AssertionError("the invalid request was accepted");
    } catch (ReplyException e) {
      return e;
    }
  }

  private static Vertx joinCluster() {
    JsonObject json =
        new JsonObject()
            .put("dataDir", dir.resolve("sibling").toString())
            .put(
                "cluster",
                new JsonObject()
                    .put("name", processes.clusterName())
                    .put("port", processes.clusterPort())
                    .put("host", "127.0.0.1")
                    .put("members", new JsonArray().add("127.0.0.1")));
    var cluster = GatewayConfig.from(json).cluster();
    return ClusterJoin.start(cluster, ClusterJoin.manager(cluster)).await();
  }

  private static JsonObject envelope(JsonObject body) {
    return new JsonObject()
        .put("accountId", ACCOUNT)
        .put("user", "threat-detector")
        .put("body", body);
  }

  private static JsonObject ticket() {
    return new JsonObject()
        .put("projId", "SCRUM")
        .put("issueType", "Bug")
        .put("title", "Potential BOLA vulnerability on /api/v1/users endpoint")
        .put("description", "Unauthorized access to other users' data was detected.")
        .put("labels", "security,akto")
        .put("threatEventId", "4a3502a0-ab5f-4255-9628-aae3b0ef33bd")
        .put("eventType", "THREAT");
  }

  private static JsonObject save() {
    return new JsonObject()
        .put("baseUrl", "https://example-org.atlassian.net")
        .put("userEmail", "[email protected]")
        .put("apiToken", "sibling-test-token")
        .put("projectMappings", new JsonObject().put("SCRUM", new JsonObject()));
  }

  private static Path writeConfig(Path file, int sandboxPort) throws Exception {
    String yaml =
        String.join(
            "\n",
            "mode: development",
            "http: {host: 127.0.0.1}",
            "sandbox: {enabled: true, port: "
                + sandboxPort
                + ", routes: {example-org.atlassian.net: jira}}",
            "cluster: {host: 127.0.0.1, members: [127.0.0.1]}",
            "");
    return Files.writeString(file, yaml);
  }
}
