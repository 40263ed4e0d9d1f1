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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A node's rereads after its start read only the jobs changed since, and those due soon. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class ResyncTest {
  private static final long HOUR = 3_600_000L;
  private static final long OVERLAP = 5_000L;

  @TempDir Path dir;
  private Nodes nodes;
  private Vertx vertx;
  private JobStore store;

  @BeforeEach
  void open() {
    nodes = new Nodes(dir);
    vertx = Vertx.vertx();
    store = new JobStore(MongoClient.create(vertx, nodes.mongoConfig()));
  }

  @AfterEach
  void close() {
    vertx.close().await();
    nodes.close();
  }

  @Test
  void pass_afterTheStartRead_readsOnlyChangedNewAndSoonDueJobs() {
    long now = System.currentTimeMillis();
    List<JsonObject> old = insert("old", 20, now - HOUR, now + HOUR);
    JsonObject soon = insert("soon", 1, now - HOUR, now + 20_000).get(0);
    Resync resync = new Resync(vertx, store);
    int all = resync.run(view -> {}, OVERLAP).await();
    JsonObject changed = old.get(3);
    store
        .compareAndSet(
            changed.getString("_id"), 1, new JsonObject().put("params", new JsonObject()))
        .await();
    JsonObject added = insert("new", 1, System.currentTimeMillis(), now + HOUR).get(0);

    Set<String> read = new TreeSet<>();
    Resync.Pass pass =
        resync
            .pass(view -> read.add(view.id()), System.currentTimeMillis(), 60_000, OVERLAP)
            .await();

    assertEquals(21, all);
    Set<String> expected =
        new TreeSet<>(
            List.of(changed.getString("_id"), added.getString("_id"), soon.getString("_id")));
    assertEquals(expected, read);
    assertEquals(3, pass.read());
    assertFalse(pass.more());
  }

  @Test
  void pass_moreChangesThanItsBound_stopsAndTheNextPassGoesOnWhereItStopped() {
    long now = System.currentTimeMillis();
    Resync resync = new Resync(vertx, store, 10, 2);
    resync.run(view -> {}, OVERLAP).await();
    List<String> ids =
        insert("new", 35, now, now + HOUR).stream().map(d -> d.getString("_id")).toList();

    List<String> first = new ArrayList<>();
    Resync.Pass cut = resync.pass(view -> first.add(view.id()), now, 1_000, OVERLAP).await();
    List<String> second = new ArrayList<>();
    Resync.Pass rest = resync.pass(view -> second.add(view.id()), now, 1_000, OVERLAP).await();

    assertEquals(new Resync.Pass(20, true), cut);
    assertEquals(new Resync.Pass(15, false), rest);
    Set<String> both = new TreeSet<>(first);
    both.addAll(second);
    assertEquals(new TreeSet<>(ids), both);
  }

  @Test
  void node_jobSavedWhereItIsNotToldOf_runsAfterTheNextReread() throws Exception {
    JsonObject settings = new JsonObject().put("resyncSeconds", 1);
    nodes.start("a", Nodes.config(dir.resolve("a"), settings));
    Scheduler elsewhere = Scheduler.create(vertx, nodes.mongoConfig());

    Job job = elsewhere.upsert(ClaimRaceTest.spec("unannounced", 3_600)).await();
    List<JsonObject> runs = nodes.awaitFinished(job.jobId(), 1, 15_000);

    assertEquals(1, runs.size());
    assertEquals("a", runs.get(0).getString("node"));
    assertTrue(runs.get(0).getLong("startedAt") - runs.get(0).getLong("slot") < 10_000);
  }

  private List<JsonObject> insert(String prefix, int count, long updatedAt, long dueAt) {
    List<JsonObject> docs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JobSpec spec = ClaimRaceTest.spec(prefix + "-" + i, 3_600).firstDueAt(dueAt);
      docs.add(JobDocs.create(spec, updatedAt));
    }
    Future.all(docs.stream().map(store::insert).toList()).await();
    return docs;
  }
}
