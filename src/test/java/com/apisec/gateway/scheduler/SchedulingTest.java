package com.apisec.gateway.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class SchedulingTest {
  private static final JsonObject SETTINGS =
      new JsonObject().put("leaseSeconds", 5).put("resyncSeconds", 60);

  @TempDir Path dir;
  private Nodes nodes;
  private Nodes.Node a;

  @BeforeEach
  void open() {
    nodes = new Nodes(dir);
    a = nodes.start("a", Nodes.config(dir.resolve("a"), SETTINGS));
  }

  @AfterEach
  void close() {
    nodes.close();
  }

  @Test
  void intervalChange_savedOnAnotherNode_appliesFromTheNextSlot() throws Exception {
    Nodes.Node b = nodes.start("b", Nodes.config(dir.resolve("b"), SETTINGS));
    Job job = a.scheduler().upsert(ClaimRaceTest.spec("changing", 1)).await();
    nodes.awaitFinished(job.jobId(), 3, 20_000);

    b.scheduler().upsert(ClaimRaceTest.spec("changing", 3)).await();
    long changedAt = System.currentTimeMillis();
    Thread.sleep(8_000);

    List<Long> all = slotsAfter(job.jobId(), 0);
    long lastBefore = all.stream().filter(slot -> slot < changedAt).reduce(0L, Math::max);
    List<Long> slots = slotsAfter(job.jobId(), lastBefore);
    assertTrue(slots.size() >= 3, "last slot before the change, then after: " + slots);
    for (int i = 1; i < slots.size(); i++) {
      long gap = slots.get(i) - slots.get(i - 1);
      assertEquals(0, gap % 3_000, "gap " + gap);
      assertTrue(gap >= 3_000, "gap " + gap);
    }
  }

  @Test
  void pause_stopsTheNextSlot_andResumeRunsAgain() throws Exception {
    Job job = a.scheduler().upsert(ClaimRaceTest.spec("paused", 1)).await();
    nodes.awaitFinished(job.jobId(), 2, 20_000);

    Job paused = a.scheduler().pause(1, job.jobId()).await();
    long pausedAt = System.currentTimeMillis();
    Thread.sleep(3_000);
    List<Long> whilePaused = slotsAfter(job.jobId(), pausedAt);
    a.scheduler().resume(1, job.jobId()).await();
    long resumedAt = System.currentTimeMillis();
    Thread.sleep(2_500);

    assertEquals("PAUSED", paused.status());
    assertEquals(List.of(), whilePaused);
    assertTrue(slotsAfter(job.jobId(), resumedAt - 1).size() >= 1);
  }

  @Test
  void runNow_jobDueInAnHour_runsAtOnce() throws Exception {
    long inAnHour = System.currentTimeMillis() + 3_600_000;
    JobSpec spec = ClaimRaceTest.spec("hourly", 3600).firstDueAt(inAnHour);
    Job job = a.scheduler().upsert(spec).await();

    Job due = a.scheduler().runNow(1, job.jobId()).await();
    List<JsonObject> runs = nodes.awaitFinished(job.jobId(), 1, 10_000);

    assertTrue(due.nextRunAt() < inAnHour);
    assertEquals(1, runs.size());
    assertTrue(
        nodes.job(job.jobId()).getLong("nextDueAt") > System.currentTimeMillis() + 3_000_000);
  }

  @Test
  void undeploy_timersCancelled_noFurtherClaims() throws Exception {
    Job job = a.scheduler().upsert(ClaimRaceTest.spec("undeployed", 1)).await();
    nodes.awaitFinished(job.jobId(), 2, 20_000);

    a.vertx().undeploy(a.verticle().deploymentID()).await();
    Thread.sleep(500);
    int runsAfterUndeploy = nodes.runs(job.jobId()).size();
    long version = nodes.job(job.jobId()).getLong("version");
    Thread.sleep(3_000);

    assertEquals(runsAfterUndeploy, nodes.runs(job.jobId()).size());
    assertEquals(version, nodes.job(job.jobId()).getLong("version"));
  }

  private List<Long> slotsAfter(String jobId, long at) {
    return nodes.runs(jobId).stream()
        .map(r -> r.getLong("slot"))
        .filter(slot -> slot >= at)
        .distinct()
        .sorted()
        .toList();
  }
}
