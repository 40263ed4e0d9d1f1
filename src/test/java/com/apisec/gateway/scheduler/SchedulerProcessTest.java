package com.apisec.gateway.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three gateway nodes as separate processes on one store process: a job every second for a minute
 * runs once per slot; the node running a long job is killed with SIGKILL mid-run and another takes
 * the slot over within the lease, from the saved cursor; all nodes are stopped and started again,
 * and the slots missed meanwhile run once, as one catch-up run.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class SchedulerProcessTest {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerProcessTest.class);
  private static final String SCHEDULER = "{leaseSeconds: 6, renewSeconds: 2, resyncSeconds: 3}";
  private static final long LEASE_MS = 6_000;
  private static final List<String> NAMES = List.of("a", "b", "c");

  @TempDir static Path dir;
  private static Processes processes;
  private static Vertx vertx;
  private static MongoClient mongo;
  private static String storeUri;

  @BeforeAll
  static void startStore() throws Exception {
    processes = new Processes(dir);
    storeUri = processes.startStore();
    vertx = Vertx.vertx();
    mongo = MongoClient.create(vertx, mongoConfig());
  }

  @AfterAll
  static void stopAll() {
    processes.close();
    vertx.close().await();
  }

  @Test
  void cluster_crashAndFullRestart_everySlotRunOnceAndCatchUpOnce() throws Exception {
    startNodes();
    Scheduler scheduler = Scheduler.create(vertx, mongoConfig());
    long first = (System.currentTimeMillis() / 1000 + 5) * 1000;
    Job tick = scheduler.upsert(spec("tick", 1, new JsonObject()).firstDueAt(first)).await();
    JsonObject work = new JsonObject().put("workMs", 8_000).put("stepMs", 500);
    Job slow = scheduler.upsert(spec("slow", 120, work).firstDueAt(first + 3_000)).await();

    long killedAt = crashHolder(slow.jobId());
    awaitFinished(slow.jobId(), 1, 40_000);
    sleepUntil(first + 60_000);
    long stoppingAt = System.currentTimeMillis();
    long lastBeforeStop = stopAllNodes();
    long stoppedAt = System.currentTimeMillis();
    Thread.sleep(6_000);
    long restartedAt = System.currentTimeMillis();
    startNodes();
    awaitRunsStartedAfter(tick.jobId(), restartedAt, 3, 40_000);

    List<JsonObject> ticks = runs(tick.jobId());
    assertRerunsOnlyWhereANodeWentAway(ticks, List.of(killedAt, killedAt, stoppingAt, stoppedAt));
    long minute =
        ticks.stream()
            .filter(r -> r.getLong("slot") < first + 60_000)
            .filter(SchedulerProcessTest::finished)
            .count();
    LOG.info("tick slots run in the first minute: {} of 60", minute);
    assertTrue(minute >= 45, "slots run in the minute: " + minute);
    assertTakeover(runs(slow.jobId()), killedAt);
    List<JsonObject> catchUp =
        ticks.stream()
            .filter(r -> r.getLong("startedAt") > restartedAt && r.getInteger("attempt") == 1)
            .filter(
                r -> r.getLong("slot") > lastBeforeStop && r.getLong("slot") < restartedAt - 1_000)
            .toList();
    assertEquals(1, catchUp.size(), "catch-up runs: " + catchUp);
    assertTrue(catchUp.get(0).getLong("missed") >= 3, "missed: " + catchUp.get(0));
  }

  private void startNodes() throws InterruptedException {
    List<Processes.Proc> started = new ArrayList<>();
    for (String name : NAMES) {
      started.add(processes.startNode(name, storeUri, SCHEDULER));
    }
    for (Processes.Proc node : started) {
      processes.awaitLog(node, "probe node ready", 90_000);
    }
    nodes = started;
  }

  private List<Processes.Proc> nodes = List.of();

  /** Waits for the slow job's run to save a cursor, then kills the node holding its lease. */
  private long crashHolder(String jobId) throws InterruptedException {
    JsonObject doc =
        awaitJob(
            jobId, d -> d.getJsonObject("cursor", new JsonObject()).getInteger("step", 0) >= 3);
    long pid = Long.parseLong(doc.getString("leaseNode").split(":")[1]);
    Processes.Proc holder = processes.byPid(pid);
    assertNotNull(holder, "lease held by an unknown process: " + doc.getString("leaseNode"));
    long killedAt = System.currentTimeMillis();
    Processes.crash(holder);
    LOG.info("killed the lease holder [node: {}, pid: {}]", holder.name(), pid);
    nodes = nodes.stream().filter(n -> n != holder).toList();
    return killedAt;
  }

  private void assertTakeover(List<JsonObject> slowRuns, long killedAt) {
    long slot = slowRuns.get(0).getLong("slot");
    List<JsonObject> ofSlot = slowRuns.stream().filter(r -> r.getLong("slot") == slot).toList();
    assertEquals(2, ofSlot.size(), "attempts of the cut slot: " + ofSlot);
    assertFalse(finished(ofSlot.get(0)));
    JsonObject again = ofSlot.get(1);
    assertEquals(2, again.getInteger("attempt"));
    assertTrue(finished(again));
    assertTrue(again.getJsonObject("cursorIn").getInteger("step") >= 3, "resumed from: " + again);
    long takeoverMs = again.getLong("startedAt") - killedAt;
    LOG.info("slot taken over {} ms after the kill (lease {} ms)", takeoverMs, LEASE_MS);
    assertTrue(takeoverMs <= LEASE_MS + 8_000, "takeover after " + takeoverMs + " ms");
  }

  /**
   * Every slot was started once, except a slot in progress on a node that was killed or stopped:
   * that one again as its next attempt. No two runs of a slot share an attempt number.
   */
  private static void assertRerunsOnlyWhereANodeWentAway(List<JsonObject> runs, List<Long> gone) {
    Map<Long, List<JsonObject>> bySlot = new TreeMap<>();
    runs.forEach(r -> bySlot.computeIfAbsent(r.getLong("slot"), s -> new ArrayList<>()).add(r));
    bySlot.forEach(
        (slot, ofSlot) -> {
          long attempts = ofSlot.stream().map(r -> r.getInteger("attempt")).distinct().count();
          assertEquals(ofSlot.size(), attempts, "two runs of one attempt: " + ofSlot);
          if (ofSlot.size() > 1) {
            assertTrue(inFlightWhenGone(slot, gone), "slot run again with no node gone: " + ofSlot);
          }
        });
  }

  /** Whether a slot could have been in progress when a node was killed, or while all stopped. */
  private static boolean inFlightWhenGone(long slot, List<Long> gone) {
    boolean atKill = slot <= gone.get(0) && slot > gone.get(1) - LEASE_MS;
    boolean atStop = slot <= gone.get(3) && slot > gone.get(2) - LEASE_MS;
    return atKill || atStop;
  }

  /** Stops every node (SIGTERM); returns the last slot started before. */
  private long stopAllNodes() throws InterruptedException {
    for (Processes.Proc node : nodes) {
      Processes.stop(node);
    }
    nodes = List.of();
    return runs(jobIdOf("tick")).stream().mapToLong(r -> r.getLong("slot")).max().orElse(0);
  }

  private static boolean finished(JsonObject run) {
    return run.containsKey("finishedAt");
  }

  private JsonObject awaitJob(String jobId, java.util.function.Predicate<JsonObject> condition)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      JsonObject doc = mongo.findOne("jobs", new JsonObject().put("_id", jobId), null).await();
      if (doc != null && condition.test(doc)) {
        return doc;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job never reached the state looked for: " + jobId);
  }

  private void awaitFinished(String jobId, int count, long limitMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + limitMs;
    while (runs(jobId).stream().filter(SchedulerProcessTest::finished).count() < count) {
      assertTrue(System.currentTimeMillis() < deadline, "runs of " + jobId + " did not finish");
      Thread.sleep(200);
    }
  }

  private void awaitRunsStartedAfter(String jobId, long at, int count, long limitMs)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + limitMs;
    while (runs(jobId).stream().filter(r -> r.getLong("startedAt") > at).count() < count) {
      assertTrue(System.currentTimeMillis() < deadline, "no runs after the restart");
      Thread.sleep(200);
    }
  }

  private List<JsonObject> runs(String jobId) {
    return mongo.find(ProbeWorker.RUNS, new JsonObject().put("jobId", jobId)).await().stream()
        .sorted(
            java.util.Comparator.<JsonObject>comparingLong(r -> r.getLong("slot"))
                .thenComparing(r -> r.getInteger("attempt")))
        .toList();
  }

  private static String jobIdOf(String key) {
    return new JobKey(1, ProbeWorker.TYPE, key).id();
  }

  private static JobSpec spec(String key, long intervalSeconds, JsonObject params) {
    return JobSpec.every(new JobKey(1, ProbeWorker.TYPE, key), intervalSeconds, params);
  }

  private static void sleepUntil(long at) throws InterruptedException {
    Thread.sleep(Math.max(0, at - System.currentTimeMillis()));
  }

  private static JsonObject mongoConfig() {
    return new JsonObject().put("connection_string", storeUri).put("db_name", "gateway");
  }
}
