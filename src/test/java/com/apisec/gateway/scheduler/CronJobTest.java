package com.apisec.gateway.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A job on a cron schedule, run by several nodes that share only the store. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class CronJobTest {
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
  void run_threeNodesEveryTwoSecondsByCron_eachFireTimeRunOnce() throws Exception {
    JsonObject settings = new JsonObject().put("leaseSeconds", 5).put("resyncSeconds", 2);
    Nodes.Node a = nodes.start("a", Nodes.config(dir.resolve("a"), settings));
    nodes.start("b", Nodes.config(dir.resolve("b"), settings));
    nodes.start("c", Nodes.config(dir.resolve("c"), settings));

    JobSpec spec = JobSpec.cron(new JobKey(1, ProbeWorker.TYPE, "cron"), "*/2 * * * * *", null);
    Job job = a.scheduler().upsert(spec).await();
    List<JsonObject> runs = nodes.awaitFinished(job.jobId(), 5, 30_000);

    Map<Long, Integer> perSlot = new TreeMap<>();
    runs.forEach(r -> perSlot.merge(r.getLong("slot"), 1, Integer::sum));
    assertTrue(perSlot.size() >= 5, "slots run: " + perSlot);
    perSlot.forEach((slot, count) -> assertEquals(1, count, "runs of slot " + slot));
    perSlot.keySet().forEach(slot -> assertEquals(0, slot % 2_000, "slot " + slot));
    assertEquals("*/2 * * * * *", a.scheduler().get(1, job.jobId()).await().schedule());
  }
}
