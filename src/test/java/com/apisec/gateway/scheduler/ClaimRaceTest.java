package com.apisec.gateway.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class ClaimRaceTest {
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
  void claim_twoNodesSameSlot_runsOnce() {
    Vertx a = Vertx.vertx();
    Vertx b = Vertx.vertx();
    JobStore storeA = new JobStore(MongoClient.create(a, nodes.mongoConfig()));
    JobStore storeB = new JobStore(MongoClient.create(b, nodes.mongoConfig()));
    storeA.ensureIndexes(false).await();
    int rounds = 20;
    int won = 0;

    for (int i = 0; i < rounds; i++) {
      JsonObject doc = JobDocs.create(spec("race-" + i, 60), System.currentTimeMillis() - 10);
      storeA.insert(doc).await();
      JobView view = JobView.fromDoc(doc);
      long now = System.currentTimeMillis();
      Future<JsonObject> first = new Leases(storeA, "a").claim(view, now, 30_000);
      Future<JsonObject> second = new Leases(storeB, "b").claim(view, now, 30_000);
      List<JsonObject> results = new ArrayList<>();
      results.add(first.await());
      results.add(second.await());
      assertEquals(1, results.stream().filter(r -> r != null).count(), "round " + i);
      won++;
    }

    assertEquals(rounds, won);
    a.close().await();
    b.close().await();
  }

  @Test
  void runKey_sameSlotTwice_secondIsRefused() {
    Vertx vertx = Vertx.vertx();
    JobStore store = new JobStore(MongoClient.create(vertx, nodes.mongoConfig()));
    JsonObject key = new JsonObject().put("_id", JobDocs.runKey("job", 1000L)).put("slot", 1000L);

    boolean first = store.insertRunKey(key).await();
    boolean second = store.insertRunKey(key.copy()).await();

    assertTrue(first);
    assertFalse(second);
    vertx.close().await();
  }

  @Test
  void run_threeNodesEverySecond_eachSlotRunOnce() throws Exception {
    JsonObject settings = new JsonObject().put("leaseSeconds", 5).put("resyncSeconds", 2);
    for (String name : List.of("a", "b", "c")) {
      nodes.start(name, Nodes.config(dir.resolve(name), settings));
    }
    Scheduler scheduler =
        Scheduler.create(
            nodes.start("d", Nodes.config(dir.resolve("d"), settings)).vertx(),
            nodes.mongoConfig());
    Job job =
        scheduler
            .upsert(JobSpec.every(new JobKey(1, ProbeWorker.TYPE, "every-second"), 1, null))
            .await();

    List<JsonObject> runs = nodes.awaitFinished(job.jobId(), 8, 30_000);

    Map<Long, Integer> perSlot = new TreeMap<>();
    runs.forEach(r -> perSlot.merge(r.getLong("slot"), 1, Integer::sum));
    assertTrue(perSlot.size() >= 8, "slots run: " + perSlot.size());
    perSlot.forEach((slot, count) -> assertEquals(1, count, "runs of slot " + slot));
    assertTrue(runs.stream().map(r -> r.getString("node")).distinct().count() >= 1);
  }

  static JobSpec spec(String key, long intervalSeconds) {
    return JobSpec.every(new JobKey(1, ProbeWorker.TYPE, key), intervalSeconds, null);
  }
}
