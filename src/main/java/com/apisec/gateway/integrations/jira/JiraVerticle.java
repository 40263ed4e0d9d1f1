package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.Addresses;
import com.apisec.gateway.core.BusOperation;
import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.GatewayContext;
import com.apisec.gateway.outbound.OutboundClient;
import com.apisec.gateway.store.StoreVerticle;
import com.apisec.gateway.store.TicketLedger;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.ext.mongo.MongoClient;
import java.time.Duration;
import java.util.List;

/**
 * Serves the Jira operations on the event bus: settings (save, read, remove a project), general
 * tickets for threat events and action items, and sample attachments.
 */
public final class JiraVerticle extends VerticleBase {
  private final GatewayContext context;
  private MongoClient mongo;
  private OutboundClient outbound;
  private List<MessageConsumer<Object>> consumers = List.of();

  public JiraVerticle(GatewayContext context) {
    this.context = context;
  }

  @Override
  public Future<?> start() {
    mongo = MongoClient.createShared(vertx, context.mongoConfig(), StoreVerticle.POOL);
    outbound = new OutboundClient(vertx, context.live());
    JiraClient client = new JiraClient(outbound);
    JiraSettingsService settings =
        new JiraSettingsService(new JiraSettingsStore(mongo), context.secrets(), client);
    JiraTickets tickets = new JiraTickets(settings, client, ledger(context.config().outbound()));
    JiraAttachments attachments = new JiraAttachments(settings, client);
    EventBus bus = vertx.eventBus();
    consumers =
        List.of(
            BusOperation.serve(bus, Addresses.JIRA_ADD, settings::add),
            BusOperation.serve(bus, Addresses.JIRA_FETCH, settings::fetch),
            BusOperation.serve(bus, Addresses.JIRA_DELETE, settings::delete),
            BusOperation.serve(bus, Addresses.JIRA_CREATE_GENERAL_TICKET, tickets::createGeneral),
            BusOperation.serve(bus, Addresses.JIRA_ATTACH_FILE, attachments::attach));
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
  }

  /**
   * A duplicate request waits at most one create's attempts and one retry wait, which ends before
   * the HTTP side gives up on the bus request. A claim is taken over as abandoned only after a
   * look-up and a create could both have run out every attempt and every retry wait.
   */
  private TicketLedger ledger(GatewayConfig.Outbound limits) {
    long perAttempt = limits.connectTimeoutMs() + limits.requestTimeoutMs();
    long retryWaitMs = limits.maxRetryAfterSeconds() * 1000L;
    long longestCall = perAttempt * limits.maxAttempts() + retryWaitMs * (limits.maxAttempts() - 1);
    Duration waitAtMost = Duration.ofMillis(perAttempt * limits.maxAttempts() + retryWaitMs);
    Duration staleAfter = Duration.ofMillis(2 * longestCall).plusSeconds(10);
    return new TicketLedger(vertx, mongo, staleAfter, waitAtMost);
  }

  @Override
  public Future<?> stop() {
    List<Future<Void>> closing = consumers.stream().map(MessageConsumer::unregister).toList();
    return Future.join(closing)
        .eventually(
            () -> {
              outbound.close();
              return mongo.close();
            });
  }
}
