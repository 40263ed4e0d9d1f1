package com.apisec.gateway.core;

import io.vertx.core.Vertx;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a node in this process, standalone or joined to a cluster, until the process is told to stop
 * (SIGTERM, Ctrl-C), then stops it gracefully. A refusal is one ERROR line and a non-zero exit.
 */
public final class NodeProcess {
  static final long START_LIMIT_MINUTES = 5;
  private static final Logger LOG = LoggerFactory.getLogger(NodeProcess.class);

  private NodeProcess() {}

  /** Starts the node and returns the exit code: 0 once it runs, 1 when it could not start. */
  static int run(Path configFile, boolean cluster, Map<String, String> env) {
    try {
      stopOnShutdown(start(configFile, cluster, env));
      return 0;
    } catch (ConfigException e) {
      LOG.error("not started: {}", e.getMessage());
    } catch (Exception e) {
      LOG.error("start-up failed: {}", e.getMessage(), e);
    }
    return 1;
  }

  /** Starts a node and waits until it is ready. */
  public static Launcher.Node start(Path configFile, boolean cluster, Map<String, String> env)
      throws Exception {
    Vertx boot = Vertx.vertx();
    GatewayConfig config;
    Keys keys;
    try {
      config = GatewayConfig.from(ConfigLoader.load(boot, configFile, env).await());
      if (cluster) {
        refuseWithoutSharedState(config);
      }
      keys = Keys.load(config, !cluster);
    } catch (RuntimeException e) {
      boot.close();
      throw e;
    }
    Loaded loaded = new Loaded(configFile, env, config, keys);
    if (!cluster) {
      return startOn(boot, loaded, null);
    }
    boot.close().await();
    HazelcastClusterManager manager = ClusterJoin.manager(config.cluster());
    Vertx vertx = ClusterJoin.start(config.cluster(), manager).await();
    return startOn(vertx, loaded, manager);
  }

  /** What a node starts from: the file (watched for reloads), environment, config and keys. */
  private record Loaded(Path file, Map<String, String> env, GatewayConfig config, Keys keys) {}

  /** On SIGTERM or Ctrl-C the node stops gracefully before the process ends. */
  public static void stopOnShutdown(Launcher.Node node) {
    Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "gateway-shutdown"));
  }

  private static Launcher.Node startOn(Vertx vertx, Loaded loaded, HazelcastClusterManager manager)
      throws Exception {
    LiveConfig live = new LiveConfig(loaded.config());
    try {
      return Launcher.start(vertx, live, loaded.keys(), new NodeHealth(vertx, manager))
          .compose(node -> Launcher.watch(vertx, loaded.file(), loaded.env(), node))
          .await(START_LIMIT_MINUTES, TimeUnit.MINUTES);
    } catch (Exception e) {
      vertx.close();
      throw e;
    }
  }

  /**
   * Every member must see the same settings and the same keys: a store in the node's own data dir,
   * or keys generated per node, would quietly split them.
   */
  static void refuseWithoutSharedState(GatewayConfig config) {
    if (config.store().embedded()) {
      throw new ConfigException(
          "--cluster needs a store that every node shares, and store.mongoUri is empty: run"
              + " scripts/store.sh and point every node at it with GATEWAY_MONGO_URI, or set"
              + " GATEWAY_MONGO_URI to a MongoDB replica set");
    }
    List<String> missing = new ArrayList<>();
    if (config.security().secretKey().isEmpty()) {
      missing.add("GATEWAY_SECRET_KEY (security.secretKey)");
    }
    if (config.security().jwtSecrets().isEmpty()
        && config.security().jwtPublicKeyFiles().isEmpty()) {
      missing.add("GATEWAY_JWT_SECRET (security.jwtSecrets, or security.jwtPublicKeyFiles)");
    }
    if (!missing.isEmpty()) {
      throw new ConfigException(
          "--cluster needs the same keys on every node and never generates them; not set: "
              + String.join(", ", missing)
              + " (scripts/cluster.sh writes a pair to data/cluster/env)");
    }
  }
}
