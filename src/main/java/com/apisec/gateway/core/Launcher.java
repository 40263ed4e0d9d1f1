package com.apisec.gateway.core;

import ch.qos.logback.classic.Level;
import com.apisec.gateway.api.HttpApiVerticle;
import com.apisec.gateway.api.TokenKeys;
import com.apisec.gateway.integrations.connections.ConnectionsVerticle;
import com.apisec.gateway.integrations.jira.JiraVerticle;
import com.apisec.gateway.sandbox.SandboxVerticle;
import com.apisec.gateway.scheduler.SchedulerVerticle;
import com.apisec.gateway.store.SecretBox;
import com.apisec.gateway.store.StoreVerticle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a node: config, keys, the store, then the scheduler, the integrations and the sandbox side
 * by side (each needs only the store), and last the HTTP API, so that no request arrives before
 * what serves it; one log line each. The node reports ready on {@code /health} once all are up.
 */
public final class Launcher {
  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

  private Launcher() {}

  /** A started node: what it runs, and where. */
  public record Node(
      Vertx vertx,
      LiveConfig live,
      TokenKeys keys,
      int httpPort,
      int sandboxPort,
      String store,
      HttpApiVerticle api,
      SchedulerVerticle scheduler,
      NodeHealth health,
      String storeDeployment) {
    Node(
        Vertx vertx,
        LiveConfig live,
        TokenKeys keys,
        HttpApiVerticle api,
        int sandboxPort,
        StoreVerticle store,
        SchedulerVerticle scheduler,
        NodeHealth health) {
      this(
          vertx,
          live,
          keys,
          api.port(),
          sandboxPort,
          store.describe(),
          api,
          scheduler,
          health,
          store.deploymentID());
    }

    public GatewayConfig config() {
      return live.get();
    }

    /** Closes at once; {@link #stop()} is the graceful way. */
    public void close() {
      try {
        vertx.close().await(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        LOG.warn("shutdown took longer than 30 s");
      }
    }

    /** Stops taking requests, lets in-flight ones finish, undeploys, leaves the cluster. */
    public void stop() {
      GracefulStop.run(this);
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
                    .compose(node -> watch(vertx, configFile, env, node)));
  }

  /** Starts a node with a fixed config (no file to watch). */
  public static Future<Node> start(Vertx vertx, GatewayConfig config) {
    return start(vertx, new LiveConfig(config));
  }

  private static Future<Node> start(Vertx vertx, LiveConfig live) {
    return start(vertx, live, Keys.load(live.get(), true), new NodeHealth(vertx, null));
  }

  /** Starts a node with keys already loaded, reporting to {@code health}. */
  static Future<Node> start(Vertx vertx, LiveConfig live, Keys keys, NodeHealth health) {
    long started = System.nanoTime();
    GatewayConfig config = live.get();
    applyLogLevel(config.logLevel());
    LOG.info(
        "keys loaded [token keys: {}]", keys.jwtSecrets().size() + keys.jwtPublicKeys().size());
    TokenKeys tokenKeys = new TokenKeys(keys);
    StoreVerticle store = new StoreVerticle(config);
    return health
        .start()
        .compose(ignored -> deploy(vertx, "store", store))
        .onSuccess(id -> health.storeOpened(store.mongoConfig()))
        .compose(
            id ->
                Future.all(
                    deployScheduler(vertx, live, store),
                    deployIntegrations(vertx, config, context(live, keys, store)),
                    deploySandbox(vertx, config)))
        .compose(
            deployed ->
                deployApi(vertx, live, tokenKeys, health)
                    .map(
                        api ->
                            new Node(
                                vertx,
                                live,
                                tokenKeys,
                                api,
                                deployed.<Integer>resultAt(2),
                                store,
                                deployed.<SchedulerVerticle>resultAt(0),
                                health)))
        .onSuccess(node -> ready(node, started));
  }

  /** Applies reloadable changes of the config file to the running node. */
  static Future<Node> watch(Vertx vertx, Path file, Map<String, String> env, Node node) {
    long scanMs = node.config().reloadScanMs();
    if (scanMs <= 0) {
      return Future.succeededFuture(node);
    }
    ConfigWatcher watcher = new ConfigWatcher(vertx, file, env, node.live(), node.keys()::check);
    return deploy(vertx, "config watcher", new ConfigWatchVerticle(watcher, scanMs)).map(node);
  }

  private static GatewayContext context(LiveConfig live, Keys keys, StoreVerticle store) {
    return new GatewayContext(
        live.get(), new SecretBox(keys.secretKey()), store.mongoConfig(), live, store.platform());
  }

  private static Future<Void> deployIntegrations(
      Vertx vertx, GatewayConfig config, GatewayContext context) {
    if (!config.node().integrations()) {
      LOG.info("integrations not deployed on this node [node.integrations: false]");
      return Future.succeededFuture();
    }
    List<Future<String>> deployed = new ArrayList<>();
    for (Map.Entry<String, Function<GatewayContext, VerticleBase>> entry : integrations()) {
      deployed.add(deploy(vertx, entry.getKey(), entry.getValue().apply(context)));
    }
    return Future.all(deployed).mapEmpty();
  }

  /** The integration verticles, deployed side by side. */
  static List<Map.Entry<String, Function<GatewayContext, VerticleBase>>> integrations() {
    return List.of(
        Map.entry("jira", JiraVerticle::new), Map.entry("connections", ConnectionsVerticle::new));
  }

  /** After the store, whose client config it takes. */
  private static Future<SchedulerVerticle> deployScheduler(
      Vertx vertx, LiveConfig live, StoreVerticle store) {
    SchedulerVerticle scheduler = new SchedulerVerticle(live, store.mongoConfig());
    return deploy(vertx, "scheduler", scheduler).map(scheduler);
  }

  private static Future<HttpApiVerticle> deployApi(
      Vertx vertx, LiveConfig live, TokenKeys tokenKeys, NodeHealth health) {
    HttpApiVerticle api = new HttpApiVerticle(live, tokenKeys::verifier, health::check);
    return deploy(vertx, "http api", api).map(api);
  }

  private static Future<Integer> deploySandbox(Vertx vertx, GatewayConfig config) {
    if (!config.sandbox().enabled() || !config.sandbox().serve()) {
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

  private static void ready(Node node, long startedNanos) {
    node.health().started();
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    String mode = node.config().mode().name().toLowerCase(Locale.ROOT);
    LOG.info("gateway ready [ms: {}, mode: {}]", ms, mode);
    LOG.info("api: http://localhost:{}/api/", node.httpPort());
    LOG.info("store: {}", node.store());
    if (node.sandboxPort() > 0) {
      LOG.info("sandbox: http://{}:{}/", node.config().sandbox().host(), node.sandboxPort());
    }
  }

  static void applyLogLevel(String level) {
    Logger logger = LoggerFactory.getLogger("com.apisec.gateway");
    if (logger instanceof ch.qos.logback.classic.Logger logback) {
      logback.setLevel(Level.toLevel(level));
    }
  }
}
