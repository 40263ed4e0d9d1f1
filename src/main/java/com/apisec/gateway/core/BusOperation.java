package com.apisec.gateway.core;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one operation on the event bus: decodes the envelope, runs the handler and replies with
 * its JSON, or fails the message with the HTTP status of a {@link GatewayException}. Anything else
 * is a bug: it is logged with a reference and crosses the bus as code 500 carrying only that
 * reference.
 */
public final class BusOperation {
  private static final Logger LOG = LoggerFactory.getLogger(BusOperation.class);

  private BusOperation() {}

  public static MessageConsumer<Object> serve(
      EventBus bus, String address, Function<BusRequest, Future<?>> handler) {
    return bus.consumer(address, message -> handle(address, message, handler));
  }

  private static void handle(
      String address, Message<Object> message, Function<BusRequest, Future<?>> handler) {
    MemberRequests.acknowledge(message);
    Future<?> result;
    try {
      result = handler.apply(BusRequest.fromJson(message.body()));
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(
        done -> {
          if (done.succeeded()) {
            message.reply(done.result());
          } else {
            fail(address, message, done.cause());
          }
        });
  }

  private static void fail(String address, Message<Object> message, Throwable cause) {
    if (cause instanceof GatewayException e) {
      message.fail(e.status(), e.getMessage());
      return;
    }
    String reference = UUID.randomUUID().toString();
    LOG.error("operation failed [address: {}, reference: {}]", address, reference, cause);
    message.fail(500, reference);
  }
}
