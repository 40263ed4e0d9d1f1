package com.apisec.gateway.core;

import com.apisec.gateway.store.StoreVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Readiness of this node, per component: {@code node} (every verticle deployed, not stopping),
 * {@code store} (answers a ping), {@code eventBus} (delivers a message to this node) and, in
 * cluster mode, {@code cluster} (this node is a member, with the member count).
 */
public final class NodeHealth {
  static final long CHECK_TIMEOUT_MS = 2_000;

  private final Vertx vertx;
  private final HazelcastClusterManager cluster;
  private final String address = Addresses.HEALTH_PREFIX + UUID.randomUUID();
  private volatile MongoClient store;
  private volatile boolean started;
  private volatile boolean stopping;

  /** {@code cluster} is null for a standalone node. */
  public NodeHealth(Vertx vertx, HazelcastClusterManager cluster) {
    this.vertx = vertx;
    this.cluster = cluster;
  }

  /** Registers the consumer the event-bus check talks to. */
  public Future<Void> start() {
    return vertx
        .eventBus()
        .consumer(address, message -> message.reply(new JsonObject()))
        .completion();
  }

  void storeOpened(JsonObject mongoConfig) {
    store = MongoClient.createShared(vertx, mongoConfig, StoreVerticle.POOL);
  }

  void started() {
    started = true;
  }

  /** From now on the node reports not ready, so that balancers send it nothing new. */
  void stopping() {
    stopping = true;
  }

  public Future<Health> check() {
    Future<JsonObject> storeCheck = probe(storePing());
    Future<JsonObject> busCheck = probe(busPing());
    return Future.join(storeCheck, busCheck)
        .transform(
            ignored -> {
              JsonObject checks =
                  new JsonObject()
                      .put("node", Health.status(started && !stopping))
                      .put("store", storeCheck.result())
                      .put("eventBus", busCheck.result());
              if (cluster != null) {
                checks.put("cluster", clusterCheck());
              }
              return Future.succeededFuture(Health.of(checks));
            });
  }

  private Future<?> storePing() {
    MongoClient client = store;
    if (client == null) {
      return Future.failedFuture("store not open yet");
    }
    return client.runCommand("ping", new JsonObject().put("ping", 1));
  }

  private Future<?> busPing() {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(CHECK_TIMEOUT_MS);
    return vertx.eventBus().request(address, new JsonObject(), options);
  }

  private JsonObject clusterCheck() {
    try {
      List<String> nodes = cluster.isActive() ? cluster.getNodes() : List.of();
      boolean member = nodes.contains(cluster.getNodeId());
      return Health.status(member).put("members", nodes.size());
    } catch (RuntimeException e) {
      // Hazelcast throws once the instance is shutting down: not a member any more.
      return Health.status(false).put("members", 0);
    }
  }

  private static Future<JsonObject> probe(Future<?> check) {
    return check
        .timeout(CHECK_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(ignored -> Health.status(true))
        .otherwise(e -> Health.status(false));
  }
}
