package com.apisec.gateway.core;

import ch.qos.logback.classic.Level;
import com.apisec.gateway.api.HttpApiVerticle;
import com.apisec.gateway.api.TokenKeys;
import com.apisec.gateway.sandbox.SandboxVerticle;
import com.apisec.gateway.scheduler.SchedulerVerticle;
import com.apisec.gateway.store.SecretBox;
import com.apisec.gateway.store.StoreVerticle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a node: config, keys, then the verticles in a fixed order (store, scheduler, integrations,
 * HTTP API, sandbox), one log line each. The node reports ready on {@code /health} once all are up.
 */
public final class Launcher {
  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
  private static final String STATE_MAP = "gateway.state";

  private Launcher() {}

  static int run(Path configFile, boolean cluster, Map<String, String> env) {
    if (cluster) {
      // TODO(#3): cluster mode (Hazelcast join, shared store) lands with "Production rails".
      LOG.error("--cluster is not available in this version; start without it");
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    try {
      Node node = start(vertx, configFile, env).await(5, TimeUnit.MINUTES);
      Runtime.getRuntime().addShutdownHook(new Thread(node::close, "gateway-shutdown"));
      return 0;
    } catch (ConfigException e) {
      LOG.error("invalid configuration: {}", e.getMessage());
    } catch (Exception e) {
      LOG.error("start-up failed: {}", e.getMessage(), e);
    }
    vertx.close();
    return 1;
  }

  /** A started node: what it runs, and where. */
  public record Node(
      Vertx vertx, LiveConfig live, TokenKeys keys, int httpPort, int sandboxPort, String store) {
    public GatewayConfig config() {
      return live.get();
    }

    public void close() {
      try {
        vertx.close().await(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        LOG.warn("shutdown took longer than 30 s");
      }
    }
  }

  /**
   * Starts a node on an existing Vert.x from a config file and watches the file for reloadable
   * changes. Tests use this with their own file and data dir.
   */
  public static Future<Node> start(Vertx vertx, Path configFile, Map<String, String> env) {
    return ConfigLoader.load(vertx, configFile, env)
        .compose(
            raw ->
                start(vertx, new LiveConfig(GatewayConfig.from(raw)))
                    .onSuccess(node -> watch(vertx, configFile, env, node)));
  }

  /** Starts a node with a fixed config (no file to watch). */
  public static Future<Node> start(Vertx vertx, GatewayConfig config) {
    return start(vertx, new LiveConfig(config));
  }

  private static Future<Node> start(Vertx vertx, LiveConfig live) {
    long started = System.nanoTime();
    GatewayConfig config = live.get();
    applyLogLevel(config.logLevel());
    Keys keys = Keys.load(config, true);
    LOG.info(
        "keys loaded [token keys: {}]", keys.jwtSecrets().size() + keys.jwtPublicKeys().size());
    TokenKeys tokenKeys = new TokenKeys(keys);
    StoreVerticle store = new StoreVerticle(config);
    return deploy(vertx, "store", store)
        .compose(id -> deploy(vertx, "scheduler", new SchedulerVerticle(live, store.mongoConfig())))
        .compose(id -> deployIntegrations(vertx, context(live, keys, store)))
        .compose(ignored -> deployApi(vertx, live, tokenKeys))
        .compose(
            api ->
                deploySandbox(vertx, config)
                    .map(
                        port ->
                            new Node(vertx, live, tokenKeys, api.port(), port, store.describe())))
        .onSuccess(node -> ready(vertx, node, started));
  }

  private static void watch(Vertx vertx, Path file, Map<String, String> env, Node node) {
    if (node.config().reloadScanMs() > 0) {
      new ConfigWatcher(vertx, file, env, node.live(), node.keys()::check)
          .start(node.config().reloadScanMs());
    }
  }

  private static GatewayContext context(LiveConfig live, Keys keys, StoreVerticle store) {
    return new GatewayContext(
        live.get(), new SecretBox(keys.secretKey()), store.mongoConfig(), live, store.platform());
  }

  private static Future<Void> deployIntegrations(Vertx vertx, GatewayContext context) {
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<String, Function<GatewayContext, VerticleBase>> entry : integrations()) {
      chain =
          chain.compose(
              ignored -> deploy(vertx, entry.getKey(), entry.getValue().apply(context)).mapEmpty());
    }
    return chain;
  }

  /** The integration verticles, in deployment order. */
  static List<Map.Entry<String, Function<GatewayContext, VerticleBase>>> integrations() {
    return List.of();
  }

  private static Future<HttpApiVerticle> deployApi(
      Vertx vertx, LiveConfig live, TokenKeys tokenKeys) {
    HttpApiVerticle api = new HttpApiVerticle(live, tokenKeys::verifier, () -> readiness(vertx));
    return deploy(vertx, "http api", api).map(api);
  }

  private static Future<Integer> deploySandbox(Vertx vertx, GatewayConfig config) {
    if (!config.sandbox().enabled()) {
      return Future.succeededFuture(0);
    }
    SandboxVerticle sandbox = new SandboxVerticle(config.sandbox(), List.of());
    return deploy(vertx, "sandbox", sandbox).map(id -> sandbox.port());
  }

  private static Future<String> deploy(Vertx vertx, String name, VerticleBase verticle) {
    return vertx
        .deployVerticle(verticle)
        .onSuccess(id -> LOG.info("deployed {} [id: {}]", name, id))
        .onFailure(e -> LOG.error("deploy failed [verticle: {}]: {}", name, e.getMessage()));
  }

  private static void ready(Vertx vertx, Node node, long startedNanos) {
    LocalMap<String, Boolean> state = vertx.sharedData().getLocalMap(STATE_MAP);
    state.put("ready", true);
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    String mode = node.config().mode().name().toLowerCase(Locale.ROOT);
    LOG.info("gateway ready [ms: {}, mode: {}]", ms, mode);
    LOG.info("api: http://localhost:{}/api/", node.httpPort());
    LOG.info("store: {}", node.store());
    if (node.sandboxPort() > 0) {
      LOG.info("sandbox: http://{}:{}/", node.config().sandbox().host(), node.sandboxPort());
    }
  }

  private static Future<Boolean> readiness(Vertx vertx) {
    LocalMap<String, Boolean> state = vertx.sharedData().getLocalMap(STATE_MAP);
    return Future.succeededFuture(Boolean.TRUE.equals(state.get("ready")));
  }

  static void applyLogLevel(String level) {
    Logger logger = LoggerFactory.getLogger("com.apisec.gateway");
    if (logger instanceof ch.qos.logback.classic.Logger logback) {
      logback.setLevel(Level.toLevel(level));
    }
  }
}
