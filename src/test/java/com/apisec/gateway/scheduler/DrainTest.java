package com.apisec.gateway.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.Launcher;
import com.apisec.gateway.core.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** How long a stopping node waits for its runs in progress: {@code node.shutdownGraceSeconds}. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
class DrainTest {
  private static final JsonObject SHORT_LEASE =
      new JsonObject().put("leaseSeconds", 3).put("renewSeconds", 1).put("resyncSeconds", 60);

  @TempDir Path dir;
  private Nodes nodes;

  @BeforeEach
  void open() {
    nodes = new Nodes(dir);
  }

  @AfterEach
  void close() {
    nodes.close();
  }

  @Test
  void nodeStop_runLongerThanTwoSeconds_finishesWithinTheGraceAndIsRecorded() throws Exception {
    Launcher.Node node = startNode(15);
    Job job =
        Scheduler.create(node.vertx(), nodes.mongoConfig()).upsert(longRun("ok", 5_000)).await();
    awaitStarted(job.jobId());

    node.stop();

    List<JsonObject> runs = nodes.runs(job.jobId());
    assertEquals(1, runs.size(), "runs: " + runs);
    assertTrue(runs.get(0).containsKey("finishedAt"), "run cut short: " + runs.get(0));
    JsonObject doc = nodes.job(job.jobId());
    assertEquals("SUCCEEDED", doc.getJsonObject("lastRun").getString("result"), "job: " + doc);
    assertEquals(runs.get(0).getLong("slot"), doc.getJsonObject("lastRun").getLong("slot"));
    assertNull(doc.getString("leaseToken"));
  }

  @Test
  void nodeStop_runLongerThanTheGrace_leftToItsLeaseAndTakenOverFromItsCursor() throws Exception {
    Launcher.Node node = startNode(1);
    Job job =
        Scheduler.create(node.vertx(), nodes.mongoConfig()).upsert(longRun("cut", 6_000)).await();
    awaitStarted(job.jobId());
    nodes.start("b", Nodes.config(dir.resolve("b"), SHORT_LEASE));

    node.stop();
    List<JsonObject> runs = nodes.awaitFinished(job.jobId(), 1, 30_000);

    assertEquals(2, runs.size(), "attempts: " + runs);
    assertEquals("n", runs.get(0).getString("node"));
    assertEquals("b", runs.get(1).getString("node"));
    assertEquals(2, runs.get(1).getInteger("attempt"));
    assertEquals(runs.get(0).getLong("slot"), runs.get(1).getLong("slot"));
    assertTrue(runs.get(1).getJsonObject("cursorIn").getInteger("step") >= 1, "from: " + runs);
  }

  /** A whole node on the test store, with a probe worker, stopping with the grace given. */
  private Launcher.Node startNode(int graceSeconds) {
    JsonObject json = TestConfigs.json(dir.resolve("node")).put("scheduler", SHORT_LEASE);
    json.put("store", new JsonObject().put("mongoUri", storeUri()));
    json.put("node", new JsonObject().put("shutdownGraceSeconds", graceSeconds));
    Vertx vertx = Vertx.vertx();
    Launcher.Node node = Launcher.start(vertx, GatewayConfig.from(json)).await();
    vertx.deployVerticle(new ProbeWorker("n", nodes.mongoConfig())).await();
    return node;
  }

  private String storeUri() {
    return nodes.mongoConfig().getString("connection_string");
  }

  private static JobSpec longRun(String key, long workMs) {
    JsonObject params = new JsonObject().put("workMs", workMs).put("stepMs", 500);
    return JobSpec.every(new JobKey(1, ProbeWorker.TYPE, key), 3_600, params);
  }

  /** Waits until the run has saved its first cursor: it is well under way. */
  private void awaitStarted(String jobId) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      JsonObject doc = nodes.job(jobId);
      if (doc != null && doc.getJsonObject("cursor", new JsonObject()).getInteger("step", 0) > 0) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the run saved no cursor");
  }
}
