package com.apisec.gateway.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.core.LogCapture;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
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

  @Test
  void claim_storedScheduleDoesNotParse_triedAgainAfterAGrowingWait() throws Exception {
    JsonObject settings = new JsonObject().put("resyncSeconds", 1);
    Nodes.Node a = nodes.start("a", Nodes.config(dir.resolve("a"), settings));
    JobSpec spec = JobSpec.cron(new JobKey(1, ProbeWorker.TYPE, "broken"), "0 0 1 1 *", null);
    Job job = a.scheduler().upsert(spec).await();

    try (LogCapture logs = new LogCapture()) {
      long now = System.currentTimeMillis();
      JsonObject set =
          new JsonObject()
              .put(JobDocs.SCHEDULE, "not a cron")
              .put(JobDocs.NEXT_DUE, now)
              .put(JobDocs.UPDATED, now);
      JsonObject update =
          new JsonObject().put("$set", set).put("$inc", new JsonObject().put(JobDocs.VERSION, 1));
      MongoClient mongo = MongoClient.create(a.vertx(), nodes.mongoConfig());
      mongo.updateCollection("jobs", new JsonObject().put("_id", job.jobId()), update).await();
      awaitNotStarted(logs, 10_000);
      Thread.sleep(6_000);

      // Tried again about 1, 3 and 7 s after the first.
      long tries = notStarted(logs) - 1;
      assertTrue(tries >= 1 && tries <= 3, "claims tried again within 6 s: " + tries);
    }
  }

  private static void awaitNotStarted(LogCapture logs, long limitMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + limitMs;
    while (notStarted(logs) == 0) {
      assertTrue(System.currentTimeMillis() < deadline, "no failed claim logged");
      Thread.sleep(20);
    }
  }

  private static long notStarted(LogCapture logs) {
    return logs.events().stream()
        .filter(e -> e.getFormattedMessage().startsWith("job run not started"))
        .count();
  }
}
