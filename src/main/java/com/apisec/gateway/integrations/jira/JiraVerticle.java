package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.Addresses;
import com.apisec.gateway.core.BusOperation;
import com.apisec.gateway.core.BusRequest;
import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.GatewayContext;
import com.apisec.gateway.outbound.OutboundClient;
import com.apisec.gateway.store.AccountCache;
import com.apisec.gateway.store.PlatformStore;
import com.apisec.gateway.store.StoreVerticle;
import com.apisec.gateway.store.TicketLedger;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.ext.mongo.MongoClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Serves the Jira operations on the event bus: settings (save, read, remove a project, the legacy
 * test and save), reads from Jira (priorities, statuses, field metadata), priority mappings,
 * tickets for findings (one or in bulk), general tickets for threat events and action items, and
 * sample attachments. It also drops cached field metadata when any node saves an integration.
 */
public final class JiraVerticle extends VerticleBase {
  /** Bounds how long a change made straight in the store, not through a save, goes unseen. */
  private static final Duration CONNECTIONS_TTL = Duration.ofMinutes(5);

  private static final long MAX_ACCOUNTS = 10_000;

  private final GatewayContext context;
  private MongoClient mongo;
  private OutboundClient outbound;
  private TicketLedger ledger;
  private List<MessageConsumer<?>> consumers = List.of();

  public JiraVerticle(GatewayContext context) {
    this.context = context;
  }

  @Override
  public Future<?> start() {
    mongo = MongoClient.createShared(vertx, context.mongoConfig(), StoreVerticle.POOL);
    outbound = new OutboundClient(vertx, context.live());
    EventBus bus = vertx.eventBus();
    FieldMetaCache cache =
        new FieldMetaCache(FieldMetaCache.DEFAULT_TTL, System::currentTimeMillis);
    JiraHttp http = new JiraHttp(outbound);
    JiraClient client = new JiraClient(http);
    JiraMetaClient meta = new JiraMetaClient(http);
    AccountCache<JiraSettingsService.Connection> connections =
        new AccountCache<>(Addresses.JIRA_SETTINGS_CHANGED, CONNECTIONS_TTL, MAX_ACCOUNTS);
    JiraSettingsService settings =
        new JiraSettingsService(
            new JiraSettingsStore(mongo),
            context.secrets(),
            meta,
            connections,
            account -> connections.dropEverywhere(bus, account));
    ledger = ledger(context.config().outbound());
    TicketCreation creation = new TicketCreation(client, ledger);
    consumers = new ArrayList<>();
    consumers.add(cache.listen(bus));
    consumers.add(connections.listen(bus));
    settingsOperations(bus, settings, new LegacyIntegration(settings, meta));
    readOperations(bus, new JiraReads(settings, meta, cache), new PriorityMappings(settings, meta));
    ticketOperations(bus, settings, creation, client);
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
  }

  private void settingsOperations(
      EventBus bus, JiraSettingsService settings, LegacyIntegration legacy) {
    serve(bus, Addresses.JIRA_ADD, settings::add);
    serve(bus, Addresses.JIRA_FETCH, settings::fetch);
    serve(bus, Addresses.JIRA_DELETE, settings::delete);
    serve(bus, Addresses.JIRA_TEST_INTEGRATION, legacy::test);
    serve(bus, Addresses.JIRA_ADD_LEGACY, legacy::add);
  }

  private void readOperations(EventBus bus, JiraReads reads, PriorityMappings priorities) {
    serve(bus, Addresses.JIRA_FETCH_PRIORITIES, reads::priorities);
    serve(bus, Addresses.JIRA_FETCH_PROJECT_STATUSES, reads::projectStatuses);
    serve(bus, Addresses.JIRA_FIELD_METADATA, reads::fieldMetadata);
    serve(bus, Addresses.JIRA_SAVE_PRIORITY_MAPPING, priorities::save);
    serve(bus, Addresses.JIRA_FETCH_PRIORITY_MAPPING, priorities::fetch);
  }

  private void ticketOperations(
      EventBus bus, JiraSettingsService settings, TicketCreation creation, JiraClient client) {
    PlatformStore platform = context.platform();
    FindingTickets findings = new FindingTickets(settings, creation, client, platform);
    BulkTickets bulk = new BulkTickets(settings, creation, client, platform, findings);
    serve(
        bus,
        Addresses.JIRA_CREATE_GENERAL_TICKET,
        new JiraTickets(settings, creation)::createGeneral);
    serve(bus, Addresses.JIRA_CREATE_ISSUE, findings::create);
    serve(bus, Addresses.JIRA_BULK_CREATE, bulk::create);
    serve(bus, Addresses.JIRA_ATTACH_FILE, new JiraAttachments(settings, client)::attach);
  }

  private void serve(EventBus bus, String address, Function<BusRequest, Future<?>> handler) {
    consumers.add(BusOperation.serve(bus, address, handler));
  }

  /**
   * A duplicate request waits at most one create's attempts and one retry wait, which ends before
   * the HTTP side gives up on the bus request. The owner of a claim keeps renewing it for as long
   * as a look-up and a create could both take with every attempt and every retry wait; a claim
   * whose owner stops renewing (its node died) is taken over after the ledger's short lease.
   */
  private TicketLedger ledger(GatewayConfig.Outbound limits) {
    long perAttempt = limits.connectTimeoutMs() + limits.requestTimeoutMs();
    long retryWaitMs = limits.maxRetryAfterSeconds() * 1000L;
    long longestCall = perAttempt * limits.maxAttempts() + retryWaitMs * (limits.maxAttempts() - 1);
    Duration waitAtMost = Duration.ofMillis(perAttempt * limits.maxAttempts() + retryWaitMs);
    Duration holdAtMost = Duration.ofMillis(2 * longestCall).plusSeconds(10);
    return new TicketLedger(vertx, mongo, holdAtMost, waitAtMost);
  }

  @Override
  public Future<?> stop() {
    if (ledger != null) {
      ledger.close();
    }
    List<Future<Void>> closing = consumers.stream().map(MessageConsumer::unregister).toList();
    return Future.join(closing)
        .eventually(
            () -> {
              outbound.close();
              return mongo.close();
            });
  }
}
