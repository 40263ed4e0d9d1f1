package com.apisec.gateway.store;

import com.apisec.gateway.core.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store: a configured MongoDB, or the embedded server on the data dir. Creates the unique
 * indexes the gateway's guarantees rest on. Other verticles share its client pool by name.
 */
public final class StoreVerticle extends VerticleBase {
  public static final String POOL = "gateway-store";
  private static final Logger LOG = LoggerFactory.getLogger(StoreVerticle.class);

  private final GatewayConfig config;
  private EmbeddedStore embedded;
  private MongoClient client;
  private JsonObject mongoConfig;
  private PlatformStore platform;

  public StoreVerticle(GatewayConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    String uri = config.store().mongoUri();
    if (config.store().embedded()) {
      return vertx
          .executeBlocking(() -> EmbeddedStore.start(config.dataDir(), "127.0.0.1", 0))
          .compose(
              store -> {
                embedded = store;
                return connect(store.connectionString());
              });
    }
    return connect(uri);
  }

  private Future<?> connect(String uri) {
    mongoConfig =
        new JsonObject()
            .put("connection_string", uri)
            .put("db_name", config.store().database())
            .put("serverSelectionTimeoutMS", 5_000);
    String platformUri = config.store().platformMongoUri();
    // Creating the first clients loads the driver's classes: seconds that must not block the loop.
    return vertx
        .executeBlocking(
            () -> {
              client = MongoClient.createShared(vertx, mongoConfig, POOL);
              platform = new PlatformStore(vertx, platformUri.isEmpty() ? uri : platformUri);
              return client;
            })
        .compose(this::prepare);
  }

  private Future<?> prepare(MongoClient client) {
    Future<Void> indexes = Indexes.ensure(client);
    if (!config.development()) {
      return indexes;
    }
    return indexes.compose(
        ignored ->
            DemoFindings.load(vertx, platform)
                .onSuccess(
                    v ->
                        LOG.info(
                            "demo findings loaded [account: {}, count: {}]",
                            DemoFindings.ACCOUNT,
                            DemoFindings.ids().size())));
  }

  /** The platform's per-account databases, read through one client. */
  public PlatformStore platform() {
    return platform;
  }

  /** The client config that other verticles pass to {@link MongoClient#createShared}. */
  public JsonObject mongoConfig() {
    return mongoConfig.copy();
  }

  /** Describes the store for the start-up banner without revealing credentials. */
  public String describe() {
    return embedded == null ? "mongodb (GATEWAY_MONGO_URI)" : "embedded (" + embedded.file() + ")";
  }

  @Override
  public Future<?> stop() {
    if (platform != null) {
      platform.close();
    }
    Future<Void> closed = client == null ? Future.succeededFuture() : client.close();
    return closed.andThen(
        ignored -> {
          if (embedded != null) {
            embedded.close();
          }
        });
  }

  /** The unique indexes; every collection's documents carry their account id. */
  static final class Indexes {
    private Indexes() {}

    static Future<Void> ensure(MongoClient client) {
      List<Future<Void>> all =
          List.of(
              unique(client, Collections.JIRA_INTEGRATIONS, new JsonObject().put("accountId", 1)),
              unique(
                  client,
                  Collections.TICKETS,
                  new JsonObject().put("accountId", 1).put("vendor", 1).put("subject", 1)),
              unique(client, Collections.CONNECTIONS, new JsonObject().put("accountId", 1)));
      LOG.debug("ensuring indexes [count: {}]", all.size());
      return Future.all(all).mapEmpty();
    }

    private static Future<Void> unique(MongoClient client, String collection, JsonObject keys) {
      return client.createIndexWithOptions(collection, keys, new IndexOptions().unique(true));
    }
  }
}
