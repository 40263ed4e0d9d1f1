package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which scheduler nodes are alive and which job types each can run, from presence messages every
 * node publishes on the event bus. A due job is first claimed by its preferred node (highest
 * rendezvous hash among the nodes that run its type); the others wait a little before trying, so
 * nodes rarely race for the same slot and the work spreads evenly. This is an optimisation only:
 * the store decides who runs a slot. Without a cluster, every node sees only itself.
 */
final class Membership {
  static final long PERIOD_MS = 2_000;
  private static final long EXPIRY_MS = 3 * PERIOD_MS;

  private record Member(long seenAt, Set<String> types) {}

  private final Vertx vertx;
  private final String nodeId;
  private final Supplier<Set<String>> localTypes;
  private final Map<String, Member> others = new HashMap<>();
  private MessageConsumer<JsonObject> consumer;
  private long timer = -1;

  Membership(Vertx vertx, String nodeId, Supplier<Set<String>> localTypes) {
    this.vertx = vertx;
    this.nodeId = nodeId;
    this.localTypes = localTypes;
  }

  Future<Void> start() {
    consumer = vertx.eventBus().consumer(Addresses.SCHEDULER_PRESENCE, m -> seen(m.body()));
    timer = vertx.setPeriodic(1, PERIOD_MS, t -> announce());
    return consumer.completion();
  }

  void stop() {
    vertx.cancelTimer(timer);
    if (consumer != null) {
      consumer.unregister();
    }
  }

  /** True when this node should claim a job of {@code type} as soon as it is due. */
  boolean preferred(String jobId, String type) {
    long now = System.currentTimeMillis();
    long mine = score(jobId, nodeId);
    for (Map.Entry<String, Member> other : others.entrySet()) {
      Member member = other.getValue();
      if (now - member.seenAt() <= EXPIRY_MS
          && member.types().contains(type)
          && score(jobId, other.getKey()) > mine) {
        return false;
      }
    }
    return true;
  }

  int liveMembers() {
    long now = System.currentTimeMillis();
    return 1 + (int) others.values().stream().filter(m -> now - m.seenAt() <= EXPIRY_MS).count();
  }

  private void announce() {
    JsonObject presence =
        new JsonObject()
            .put("node", nodeId)
            .put("types", new JsonArray(localTypes.get().stream().toList()));
    vertx.eventBus().publish(Addresses.SCHEDULER_PRESENCE, presence);
    others.values().removeIf(m -> System.currentTimeMillis() - m.seenAt() > 10 * EXPIRY_MS);
  }

  private void seen(JsonObject presence) {
    String node = presence.getString("node");
    if (node == null || node.equals(nodeId)) {
      return;
    }
    Set<String> types =
        Set.copyOf(
            presence.getJsonArray("types", new JsonArray()).stream().map(String::valueOf).toList());
    others.put(node, new Member(System.currentTimeMillis(), types));
  }

  /** A well-mixed 64-bit hash of the pair, so each job picks its preferred node at random. */
  static long score(String jobId, String node) {
    long h = 0xcbf29ce484222325L;
    String text = jobId + "|" + node;
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
