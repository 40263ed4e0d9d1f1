package com.apisec.gateway.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class DispatchTest {
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
  void dispatch_busyAccountAndQuietAccount_quietOneStartsInTheFirstRound() throws Exception {
    Nodes.Node node = start(new JsonObject().put("concurrency", 2));
    long due = System.currentTimeMillis() + 2_000;
    List<JobSpec> specs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      specs.add(slow(1, "busy-" + i, 300).firstDueAt(due));
    }
    specs.add(slow(2, "quiet", 300).firstDueAt(due));
    node.scheduler().upsertAll(specs).await();

    List<JsonObject> runs = awaitRuns(13);

    List<Long> accountsInStartOrder =
        runs.stream()
            .sorted(Comparator.comparingLong(r -> r.getLong("startedAt")))
            .map(r -> r.getLong("accountId"))
            .toList();
    assertTrue(accountsInStartOrder.subList(0, 2).contains(2L), "order: " + accountsInStartOrder);
  }

  @Test
  void dispatch_nodeBound_neverMoreRunsAtOnce() throws Exception {
    Nodes.Node node = start(new JsonObject().put("concurrency", 3));
    long due = System.currentTimeMillis() + 2_000;
    List<JobSpec> specs = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      specs.add(slow(1 + i % 3, "bounded-" + i, 400).firstDueAt(due));
    }
    node.scheduler().upsertAll(specs).await();

    List<JsonObject> runs = awaitRuns(9);

    assertEquals(3, maxOverlap(runs));
  }

  @Test
  void dispatch_accountBound_oneAccountUsesAtMostItsShare() throws Exception {
    Nodes.Node node = start(new JsonObject().put("concurrency", 5).put("accountConcurrency", 2));
    long due = System.currentTimeMillis() + 2_000;
    List<JobSpec> specs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      specs.add(slow(7, "share-" + i, 400).firstDueAt(due));
    }
    node.scheduler().upsertAll(specs).await();

    List<JsonObject> runs = awaitRuns(6);

    assertEquals(2, maxOverlap(runs));
  }

  @Test
  void dispatch_slowJob_othersKeepTheirSlots() throws Exception {
    Nodes.Node node = start(new JsonObject());
    Job slowJob = node.scheduler().upsert(slow(1, "slow", 6_000)).await();
    Job quick = node.scheduler().upsert(ClaimRaceTest.spec("quick", 1)).await();

    List<JsonObject> quickRuns = nodes.awaitFinished(quick.jobId(), 4, 20_000);

    JsonObject slowRun = nodes.runs(slowJob.jobId()).get(0);
    long during =
        quickRuns.stream()
            .filter(r -> r.getLong("startedAt") > slowRun.getLong("startedAt"))
            .filter(
                r ->
                    !slowRun.containsKey("finishedAt")
                        || r.getLong("finishedAt") < slowRun.getLong("finishedAt"))
            .count();
    assertTrue(during >= 3, "quick runs during the slow one: " + during);
  }

  private Nodes.Node start(JsonObject settings) {
    return nodes.start("n", Nodes.config(dir.resolve("n"), settings.put("resyncSeconds", 60)));
  }

  private static JobSpec slow(long account, String key, long workMs) {
    JsonObject params = new JsonObject().put("workMs", workMs);
    return JobSpec.every(new JobKey(account, ProbeWorker.TYPE, key), 3600, params);
  }

  private List<JsonObject> awaitRuns(int count) throws InterruptedException {
    MongoClient mongo = MongoClient.create(io.vertx.core.Vertx.vertx(), nodes.mongoConfig());
    JsonObject finished = new JsonObject().put("finishedAt", new JsonObject().put("$exists", true));
    long deadline = System.currentTimeMillis() + 30_000;
    List<JsonObject> runs = List.of();
    while (runs.size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      runs = mongo.find(ProbeWorker.RUNS, finished).await();
    }
    assertEquals(count, runs.size());
    return runs;
  }

  /** The most runs that were in progress at the same moment. */
  static int maxOverlap(List<JsonObject> runs) {
    List<long[]> edges = new ArrayList<>();
    for (JsonObject run : runs) {
      edges.add(new long[] {run.getLong("startedAt"), 1});
      edges.add(new long[] {run.getLong("finishedAt"), -1});
    }
    edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
    int current = 0;
    int max = 0;
    for (long[] edge : edges) {
      current += (int) edge[1];
      max = Math.max(max, current);
    }
    return max;
  }
}
