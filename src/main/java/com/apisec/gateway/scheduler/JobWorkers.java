package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.Addresses;
import com.apisec.gateway.core.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an integration's verticle does its job's work: it serves {@code scheduler.run.<type>} on its
 * node, and the scheduler of that node claims jobs of that type. The work's future completes with
 * the cursor to save (or null to keep the saved one), or fails with a message that is safe to show
 * (a {@link GatewayException}); any other failure is logged with a reference and shown as that.
 */
public final class JobWorkers {
  private static final Logger LOG = LoggerFactory.getLogger(JobWorkers.class);
  private static final String REGISTRY = "scheduler.workers";

  private JobWorkers() {}

  public static MessageConsumer<JsonObject> serve(
      Vertx vertx, String type, Function<JobRun, Future<JsonObject>> work) {
    MessageConsumer<JsonObject> consumer =
        vertx.eventBus().localConsumer(Addresses.schedulerRun(type), m -> handle(m, work));
    registry(vertx).put(type, true);
    return consumer;
  }

  /** Stops serving a type on this node: its jobs are then claimed by other nodes. */
  public static Future<Void> stop(Vertx vertx, String type, MessageConsumer<JsonObject> consumer) {
    forget(vertx, type);
    return consumer.unregister();
  }

  static boolean runs(Vertx vertx, String type) {
    return registry(vertx).containsKey(type);
  }

  static Set<String> types(Vertx vertx) {
    return Set.copyOf(registry(vertx).keySet());
  }

  static void forget(Vertx vertx, String type) {
    registry(vertx).remove(type);
  }

  private static LocalMap<String, Boolean> registry(Vertx vertx) {
    return vertx.sharedData().getLocalMap(REGISTRY);
  }

  private static void handle(
      Message<JsonObject> message, Function<JobRun, Future<JsonObject>> work) {
    Future<JsonObject> result;
    try {
      result = work.apply(JobRun.fromJson(message.body()));
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(
        done -> {
          if (done.succeeded()) {
            JsonObject cursor = done.result();
            message.reply(
                cursor == null ? new JsonObject() : new JsonObject().put("cursor", cursor));
          } else {
            message.fail(500, safeMessage(message.address(), done.cause()));
          }
        });
  }

  private static String safeMessage(String address, Throwable cause) {
    if (cause instanceof GatewayException e) {
      return e.getMessage();
    }
    String reference = UUID.randomUUID().toString();
    LOG.error("job worker failed [address: {}, reference: {}]", address, reference, cause);
    return "internal error (reference " + reference + ")";
  }
}
