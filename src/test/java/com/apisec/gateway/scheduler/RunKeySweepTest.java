package com.apisec.gateway.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.core.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Run keys left behind expire, and every node on the embedded store sweeps them. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class RunKeySweepTest {
  private static final long DAY = 86_400_000L;

  @TempDir Path dir;
  private Nodes nodes;
  private Vertx vertx;
  private MongoClient mongo;
  private JobStore store;

  @BeforeEach
  void open() {
    nodes = new Nodes(dir);
    vertx = Vertx.vertx();
    mongo = MongoClient.create(vertx, nodes.mongoConfig());
    store = new JobStore(mongo);
  }

  @AfterEach
  void close() {
    vertx.close().await();
    nodes.close();
  }

  @Test
  void sweep_expiredAndLiveKeys_removesOnlyTheExpired() {
    long now = System.currentTimeMillis();
    insertKeys("old", 5, now - DAY);
    insertKeys("live", 3, now + DAY);

    int removed = janitor(vertx).sweep(now, RunKeyJanitor.SWEEP_LIMIT).await();

    assertEquals(5, removed);
    assertEquals(Set.of("live:0", "live:1", "live:2"), keyIds());
  }

  @Test
  void sweep_moreExpiredThanTheLimit_removesTheLimitAndLeavesTheRestForTheNext() {
    long now = System.currentTimeMillis();
    insertKeys("old", 2_500, now - DAY);

    int first = janitor(vertx).sweep(now, 1_200).await();
    int left = keyIds().size();
    int second = janitor(vertx).sweep(now, 10_000).await();

    assertEquals(1_200, first);
    assertEquals(1_300, left);
    assertEquals(1_300, second);
    assertEquals(Set.of(), keyIds());
  }

  @Test
  void sweep_twoNodesAtOnce_bothSucceedAndOnlyTheExpiredAreGone() {
    long now = System.currentTimeMillis();
    insertKeys("old", 1_500, now - DAY);
    insertKeys("live", 10, now + DAY);
    Vertx other = Vertx.vertx();
    RunKeyJanitor janitorB = new RunKeyJanitor(other, storeOn(other), this::settings, true);

    Future<Integer> a = janitor(vertx).sweep(now, 10_000);
    Future<Integer> b = janitorB.sweep(now, 10_000);
    Future.all(a, b).await();

    assertTrue(a.result() + b.result() >= 1_500, "removed " + a.result() + " + " + b.result());
    assertEquals(10, keyIds().size());
    assertTrue(keyIds().stream().allMatch(id -> id.startsWith("live:")));
    other.close().await();
  }

  @Test
  void node_embeddedStore_recordsExpiryOnItsRunKeysAndSweepsExpiredOnes() throws Exception {
    JsonObject settings = new JsonObject().put("runKeySweepSeconds", 1).put("resyncSeconds", 60);
    Nodes.Node a = nodes.start("a", Nodes.config(dir.resolve("a"), settings));
    insertKeys("old", 50, System.currentTimeMillis() - DAY);
    Job job = a.scheduler().upsert(ClaimRaceTest.spec("hourly", 3_600)).await();
    nodes.awaitFinished(job.jobId(), 1, 10_000);

    Set<String> left = awaitKeys(1, 10_000);

    assertEquals(Set.of(JobDocs.runKey(job.jobId(), runSlot(job.jobId()))), left);
    JsonObject key = mongo.findOne("job_runs", new JsonObject(), null).await();
    long expires = Instant.parse(key.getJsonObject("expiresAt").getString("$date")).toEpochMilli();
    assertEquals(key.getLong("startedAt") + 7 * DAY, expires);
  }

  private long runSlot(String jobId) {
    return nodes.runs(jobId).get(0).getLong("slot");
  }

  private Set<String> awaitKeys(int count, long limitMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + limitMs;
    Set<String> ids = keyIds();
    while (ids.size() > count && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      ids = keyIds();
    }
    return ids;
  }

  private RunKeyJanitor janitor(Vertx on) {
    return new RunKeyJanitor(on, store, this::settings, true);
  }

  private JobStore storeOn(Vertx on) {
    return new JobStore(MongoClient.create(on, nodes.mongoConfig()));
  }

  private GatewayConfig.Scheduler settings() {
    return Nodes.config(dir.resolve("settings"), new JsonObject()).scheduler();
  }

  private void insertKeys(String job, int count, long expiresAt) {
    List<Future<Boolean>> inserts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonObject key =
          new JsonObject()
              .put("_id", JobDocs.runKey(job, i))
              .put("slot", (long) i)
              .put("startedAt", expiresAt - 7 * DAY)
              .put("expiresAt", JobDocs.date(expiresAt));
      inserts.add(store.insertRunKey(key));
    }
    Future.all(inserts).await();
  }

  private Set<String> keyIds() {
    return mongo.find("job_runs", new JsonObject()).await().stream()
        .map(doc -> doc.getString("_id"))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
