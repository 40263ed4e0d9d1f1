package com.apisec.gateway.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.api.Tokens;
import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.Launcher;
import com.apisec.gateway.core.TestConfigs;
import com.apisec.gateway.store.EmbeddedStore;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The job operations through a whole node: route table, permissions, the launcher's scheduler. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class JobsHttpTest {
  private static final long ACCOUNT = 1_000_000L;

  @TempDir Path dir;
  private Vertx vertx;
  private WebClient client;
  private EmbeddedStore store;
  private Launcher.Node node;
  private Scheduler scheduler;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    store = EmbeddedStore.start(dir.resolve("store"), "127.0.0.1", 0);
    JsonObject json = TestConfigs.json(dir);
    json.put("store", new JsonObject().put("mongoUri", store.connectionString()));
    node = Launcher.start(vertx, GatewayConfig.from(json)).await();
    client = WebClient.create(vertx);
    JsonObject mongo =
        new JsonObject()
            .put("connection_string", store.connectionString())
            .put("db_name", "gateway");
    scheduler = Scheduler.create(vertx, mongo);
    vertx.deployVerticle(new ProbeWorker("n", mongo)).await();
  }

  @Test
  void fetchIntegrationJobs_readOnlyRole_seesItsJobAndItsLastRun() throws Exception {
    Job job = scheduler.upsert(JobSpec.every(new JobKey(ACCOUNT, "probe", "k"), 1, null)).await();
    String reader = token("MEMBER", "READ");
    Thread.sleep(2_500);

    HttpResponse<Buffer> response = post("fetchIntegrationJobs", reader, new JsonObject());

    assertEquals(200, response.statusCode());
    JsonObject listed = response.bodyAsJsonObject().getJsonArray("jobs").getJsonObject(0);
    assertEquals(job.jobId(), listed.getString("jobId"));
    assertEquals("SUCCEEDED", listed.getString("lastResult"));
    String metrics =
        client.get(node.httpPort(), "127.0.0.1", "/metrics").send().await().bodyAsString();
    assertTrue(
        metrics.contains(
            "gateway_scheduler_runs_seconds_count{outcome=\"succeeded\",type=\"probe\"}"));
  }

  @Test
  void pauseIntegrationJob_readOnlyRole_returns403AndAdminPauses() {
    Job job =
        scheduler.upsert(JobSpec.every(new JobKey(ACCOUNT, "probe", "p"), 3600, null)).await();
    JsonObject body = new JsonObject().put("jobId", job.jobId());

    HttpResponse<Buffer> refused = post("pauseIntegrationJob", token("MEMBER", "READ"), body);
    HttpResponse<Buffer> paused = post("pauseIntegrationJob", Tokens.admin(vertx, ACCOUNT), body);

    assertEquals(403, refused.statusCode());
    assertEquals(200, paused.statusCode());
    assertEquals("PAUSED", paused.bodyAsJsonObject().getJsonObject("job").getString("status"));
  }

  @Test
  void runIntegrationJobNow_jobIdOfAnotherAccount_returns422NotFound() {
    Job theirs = scheduler.upsert(JobSpec.every(new JobKey(7, "probe", "x"), 3600, null)).await();

    HttpResponse<Buffer> response =
        post(
            "runIntegrationJobNow",
            Tokens.admin(vertx, ACCOUNT),
            new JsonObject().put("jobId", theirs.jobId()));

    assertEquals(422, response.statusCode());
    assertEquals(
        "jobId not found", response.bodyAsJsonObject().getJsonArray("actionErrors").getString(0));
  }

  private String token(String role, String integrations) {
    JsonObject claims = Tokens.claims(ACCOUNT, role, integrations, "READ");
    return Tokens.sign(vertx, TestConfigs.JWT_SECRET, claims, 600);
  }

  private HttpResponse<Buffer> post(String operation, String token, JsonObject body) {
    return client
        .post(node.httpPort(), "127.0.0.1", "/api/" + operation)
        .bearerTokenAuthentication(token)
        .sendJsonObject(body)
        .await();
  }

  @AfterEach
  void stop() {
    node.vertx().close().await();
    store.close();
  }
}
