package com.apisec.gateway.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
class FailoverTest {
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
  void takeover_nodeDiesMidRun_slotRunAgainOnceFromItsCursor() throws Exception {
    Nodes.Node a = nodes.start("a", Nodes.config(dir.resolve("a"), SHORT_LEASE));
    JsonObject params = new JsonObject().put("workMs", 4000).put("stepMs", 500);
    JobSpec spec = JobSpec.every(new JobKey(1, ProbeWorker.TYPE, "long"), 600, params);
    Job job = a.scheduler().upsert(spec).await();
    awaitCursorStep(job.jobId(), 2);
    nodes.start("b", Nodes.config(dir.resolve("b"), SHORT_LEASE));

    long killedAt = System.currentTimeMillis();
    nodes.kill(a);
    List<JsonObject> runs = nodes.awaitFinished(job.jobId(), 1, 30_000);

    assertEquals(2, runs.size(), "attempts: " + runs);
    JsonObject cut = runs.get(0);
    JsonObject again = runs.get(1);
    assertEquals(cut.getLong("slot"), again.getLong("slot"));
    assertEquals("a", cut.getString("node"));
    assertFalse(cut.containsKey("finishedAt"));
    assertEquals("b", again.getString("node"));
    assertEquals(2, again.getInteger("attempt"));
    assertTrue(again.getJsonObject("cursorIn").getInteger("step") >= 2, "resumed: " + again);
    long takeoverMs = again.getLong("startedAt") - killedAt;
    assertTrue(takeoverMs < 3_000 + 5_000, "takeover after " + takeoverMs + " ms");
  }

  @Test
  void restart_afterDowntime_missedSlotsRunOnceAsCatchUp() throws Exception {
    Nodes.Node a = nodes.start("a", Nodes.config(dir.resolve("a"), SHORT_LEASE));
    Job job = a.scheduler().upsert(ClaimRaceTest.spec("every-second", 1)).await();
    nodes.awaitFinished(job.jobId(), 3, 20_000);
    nodes.kill(a);
    Thread.sleep(5_000);

    long restartedAt = System.currentTimeMillis();
    nodes.start("b", Nodes.config(dir.resolve("b"), SHORT_LEASE));
    List<JsonObject> runs = nodes.awaitFinished(job.jobId(), 7, 30_000);

    List<JsonObject> catchUp =
        runs.stream()
            .filter(r -> r.getString("node").equals("b") && r.getInteger("attempt") == 1)
            .filter(r -> r.getLong("slot") < restartedAt - 1_000)
            .toList();
    assertEquals(1, catchUp.size(), "catch-up runs: " + catchUp);
    assertTrue(catchUp.get(0).getLong("missed") >= 3, "missed: " + catchUp.get(0));
    assertEquals(runs.size(), runs.stream().map(r -> r.getLong("slot")).distinct().count());
  }

  private void awaitCursorStep(String jobId, int step) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      JsonObject doc = nodes.job(jobId);
      if (doc != null
          && doc.getJsonObject("cursor", new JsonObject()).getInteger("step", 0) >= step) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no cursor step " + step + " saved");
  }
}
