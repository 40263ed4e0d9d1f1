package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.LiveConfig;
import com.apisec.gateway.core.TestConfigs;
import com.apisec.gateway.store.EmbeddedStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scheduler nodes in one JVM for tests: each its own Vert.x (no cluster, so nodes learn of each
 * other's writes only through the store), all on one embedded store, each with a probe worker.
 */
final class Nodes implements AutoCloseable {
  /** One node: its Vert.x, its scheduler verticle and a scheduler client. */
  record Node(String name, Vertx vertx, SchedulerVerticle verticle, Scheduler scheduler) {}

  private final EmbeddedStore store;
  private final JsonObject mongoConfig;
  private final Vertx probeVertx = Vertx.vertx();
  private final MongoClient mongo;
  private final List<Node> nodes = new ArrayList<>();

  Nodes(Path dir) {
    store = EmbeddedStore.start(dir, "127.0.0.1", 0);
    mongoConfig =
        new JsonObject()
            .put("connection_string", store.connectionString())
            .put("db_name", "gateway");
    mongo = MongoClient.create(probeVertx, mongoConfig);
  }

  /** A config with the scheduler keys given, e.g. {@code leaseSeconds: 3}. */
  static GatewayConfig config(Path dir, JsonObject scheduler) {
    return GatewayConfig.from(TestConfigs.json(dir).put("scheduler", scheduler));
  }

  Node start(String name, GatewayConfig config) {
    Vertx vertx = Vertx.vertx();
    SchedulerVerticle verticle = new SchedulerVerticle(LiveConfig.fixed(config), mongoConfig);
    vertx.deployVerticle(new ProbeWorker(name, mongoConfig)).await();
    vertx.deployVerticle(verticle).await();
    Node node = new Node(name, vertx, verticle, Scheduler.create(vertx, mongoConfig));
    nodes.add(node);
    return node;
  }

  /** Closes a node's Vert.x without any release: its leases run out as if it had died. */
  void kill(Node node) {
    nodes.remove(node);
    node.vertx().close().await();
  }

  JsonObject mongoConfig() {
    return mongoConfig.copy();
  }

  /** Every probe run of the job, by slot then attempt. */
  List<JsonObject> runs(String jobId) {
    List<JsonObject> runs =
        mongo.find(ProbeWorker.RUNS, new JsonObject().put("jobId", jobId)).await();
    return runs.stream()
        .sorted(
            Comparator.<JsonObject>comparingLong(r -> r.getLong("slot"))
                .thenComparing(r -> r.getInteger("attempt")))
        .toList();
  }

  JsonObject job(String jobId) {
    return mongo.findOne("jobs", new JsonObject().put("_id", jobId), null).await();
  }

  /** Waits until at least {@code count} finished probe runs of the job exist. */
  List<JsonObject> awaitFinished(String jobId, int count, long limitMs)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + limitMs;
    while (true) {
      List<JsonObject> runs = runs(jobId);
      long finished = runs.stream().filter(r -> r.containsKey("finishedAt")).count();
      if (finished >= count || System.currentTimeMillis() > deadline) {
        return runs;
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() {
    for (Node node : List.copyOf(nodes)) {
      node.vertx().close().await();
    }
    probeVertx.close().await();
    store.close();
  }
}
