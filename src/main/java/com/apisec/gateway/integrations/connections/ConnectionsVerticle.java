package com.apisec.gateway.integrations.connections;

import com.apisec.gateway.core.Addresses;
import com.apisec.gateway.core.BusOperation;
import com.apisec.gateway.core.GatewayContext;
import com.apisec.gateway.store.StoreVerticle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;

/**
 * Serves the dashboard's onboarding operations on the event bus: marking a connection step as
 * skipped, and which steps are integrated. It calls no vendor.
 */
public final class ConnectionsVerticle extends VerticleBase {
  private final GatewayContext context;
  private MongoClient mongo;
  private List<MessageConsumer<Object>> consumers = List.of();

  public ConnectionsVerticle(GatewayContext context) {
    this.context = context;
  }

  @Override
  public Future<?> start() {
    mongo = MongoClient.createShared(vertx, context.mongoConfig(), StoreVerticle.POOL);
    ConnectionsService service = new ConnectionsService(mongo, context.platform());
    EventBus bus = vertx.eventBus();
    consumers =
        List.of(
            BusOperation.serve(bus, Addresses.CONNECTIONS_MARK_SKIPPED, service::markSkipped),
            BusOperation.serve(bus, Addresses.CONNECTIONS_INFO, service::info));
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
  }

  @Override
  public Future<?> stop() {
    List<Future<Void>> closing = consumers.stream().map(MessageConsumer::unregister).toList();
    return Future.join(closing).eventually(() -> mongo.close());
  }
}
