package com.apisec.gateway.core;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole configuration, validated when built: a bad value fails with a message naming its key.
 * Secrets held here print as {@code [REDACTED]}.
 */
public record GatewayConfig(
    Mode mode,
    Path dataDir,
    String logLevel,
    long reloadScanMs,
    Http http,
    Store store,
    Security security,
    Outbound outbound,
    Sandbox sandbox,
    ClusterConfig cluster,
    Node node,
    Scheduler scheduler) {

  public enum Mode {
    DEVELOPMENT,
    PRODUCTION
  }

  /** The HTTP API listener. */
  public record Http(
      String host,
      int port,
      long bodyLimitBytes,
      long bodyTimeoutMs,
      long idleTimeoutMs,
      List<String> corsOrigins,
      boolean metricsRequireToken) {}

  /**
   * Where settings live: a MongoDB URI, or empty for the embedded store in the data dir. The
   * platform's own databases (one per account) are on {@code platformMongoUri}, by default the same
   * server.
   */
  public record Store(String mongoUri, String database, String platformMongoUri) {
    public boolean embedded() {
      return mongoUri.isEmpty();
    }

    @Override
    public String toString() {
      return "Store[mongoUri="
          + (embedded() ? "embedded" : "[REDACTED]")
          + ", database="
          + database
          + "]";
    }
  }

  /**
   * Keys: the AES key for secrets at rest, the HS256 JWT secrets and RS256 public key files (lists,
   * so a key is added by reload before the old one is removed).
   */
  public record Security(
      String secretKey, List<String> jwtSecrets, List<String> jwtPublicKeyFiles) {
    @Override
    public String toString() {
      return "Security[secretKey=[REDACTED], jwtSecrets="
          + jwtSecrets.size()
          + " keys, jwtPublicKeyFiles="
          + jwtPublicKeyFiles
          + "]";
    }
  }

  /** Limits of every call to a vendor. */
  public record Outbound(
      long connectTimeoutMs,
      long requestTimeoutMs,
      int maxAttempts,
      long maxRetryAfterSeconds,
      List<String> allowedDestinations) {}

  /** The vendor stand-ins and which vendor hosts are routed to them. */
  public record Sandbox(
      boolean enabled, String host, int port, Map<String, String> routes, boolean serve) {
    /** A sandbox this node serves itself. */
    public Sandbox(boolean enabled, String host, int port, Map<String, String> routes) {
      this(enabled, host, port, routes, true);
    }
  }

  /**
   * What this node runs and how it stops: {@code integrations: false} makes an API-only node that
   * hands every operation to the integration verticles on other members of the cluster.
   */
  public record Node(boolean integrations, int shutdownGraceSeconds) {}

  /**
   * Recurring jobs: how long a claimed slot is leased and how often the lease is renewed, how many
   * runs a node starts at once (in all and per account), how often the node rereads jobs, how long
   * a worker may take, how long a slot's run key is kept and how often expired ones are swept.
   */
  public record Scheduler(
      long leaseSeconds,
      long renewSeconds,
      int concurrency,
      int accountConcurrency,
      long resyncSeconds,
      long runTimeoutSeconds,
      long runKeyRetentionSeconds,
      long runKeySweepSeconds) {}

  public static GatewayConfig from(JsonObject json) {
    ConfigValues root = new ConfigValues(json, "");
    Mode mode = mode(root.string("mode", "development"));
    GatewayConfig config =
        new GatewayConfig(
            mode,
            Path.of(root.string("dataDir", "data")),
            logLevel(root.string("logLevel", "INFO")),
            root.number("reloadScanMs", 1_000, 0, 3_600_000),
            http(root.section("http")),
            store(root.section("store")),
            security(root.section("security")),
            outbound(root.section("outbound")),
            sandbox(root.section("sandbox"), mode),
            ClusterConfig.from(root.section("cluster")),
            node(root.section("node")),
            scheduler(root.section("scheduler")));
    config.checkConsistency();
    return config;
  }

  public boolean development() {
    return mode == Mode.DEVELOPMENT;
  }

  public String sandboxAuthority() {
    return sandbox.host() + ":" + sandbox.port();
  }

  private void checkConsistency() {
    if (mode == Mode.PRODUCTION && sandbox.enabled()) {
      throw new ConfigException(
          "mode is production but sandbox.enabled is true: the sandbox runs only in development");
    }
    if (mode == Mode.PRODUCTION && store.embedded()) {
      throw new ConfigException(
          "mode is production but store.mongoUri is empty: set GATEWAY_MONGO_URI to a MongoDB");
    }
    if (mode == Mode.PRODUCTION && security.secretKey().isEmpty()) {
      throw new ConfigException("mode is production but security.secretKey is not set");
    }
    if (mode == Mode.PRODUCTION
        && security.jwtSecrets().isEmpty()
        && security.jwtPublicKeyFiles().isEmpty()) {
      throw new ConfigException(
          "mode is production but neither security.jwtSecrets nor security.jwtPublicKeyFiles is"
              + " set");
    }
  }

  private static Mode mode(String value) {
    try {
      return Mode.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("mode must be development or production, got '" + value + "'");
    }
  }

  private static String logLevel(String value) {
    String level = value.toUpperCase(Locale.ROOT);
    if (!List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(level)) {
      throw new ConfigException("logLevel must be one of TRACE, DEBUG, INFO, WARN, ERROR");
    }
    return level;
  }

  private static Http http(ConfigValues v) {
    return new Http(
        v.string("host", "0.0.0.0"),
        (int) v.number("port", 8080, 0, 65535),
        v.number("bodyLimitBytes", 1_048_576, 1024, 64L * 1024 * 1024),
        v.number("bodyTimeoutMs", 30_000, 100, 600_000),
        v.number("idleTimeoutMs", 60_000, 1_000, 3_600_000),
        v.strings("corsOrigins"),
        v.bool("metricsRequireToken", false));
  }

  private static Store store(ConfigValues v) {
    String database = v.string("database", "gateway");
    if (database.isEmpty()) {
      throw new ConfigException("store.database must not be empty");
    }
    return new Store(v.string("mongoUri", ""), database, v.string("platformMongoUri", ""));
  }

  private static Security security(ConfigValues v) {
    return new Security(
        v.string("secretKey", ""), v.strings("jwtSecrets"), v.strings("jwtPublicKeyFiles"));
  }

  private static Outbound outbound(ConfigValues v) {
    List<String> allowed = v.strings("allowedDestinations");
    for (String entry : allowed) {
      if (!entry.matches("[^:\\s]+:\\d{1,5}")) {
        throw new ConfigException(
            "outbound.allowedDestinations entries must be host:port, got '" + entry + "'");
      }
    }
    return new Outbound(
        v.number("connectTimeoutMs", 5_000, 1, 600_000),
        v.number("requestTimeoutMs", 30_000, 1, 600_000),
        (int) v.number("maxAttempts", 3, 1, 10),
        v.number("maxRetryAfterSeconds", 60, 0, 3_600),
        allowed);
  }

  private static Node node(ConfigValues v) {
    return new Node(
        v.bool("integrations", true), (int) v.number("shutdownGraceSeconds", 10, 0, 300));
  }

  private static Sandbox sandbox(ConfigValues v, Mode mode) {
    Map<String, String> routes = v.stringMap("routes");
    routes.forEach(
        (host, vendor) -> {
          if (!vendor.matches("[a-z0-9-]+")) {
            throw new ConfigException(
                "sandbox.routes."
                    + host
                    + " must name a stand-in such as jira, got '"
                    + vendor
                    + "'");
          }
        });
    return new Sandbox(
        v.bool("enabled", mode == Mode.DEVELOPMENT),
        v.string("host", "127.0.0.1"),
        (int) v.number("port", 8090, 0, 65535),
        routes,
        v.bool("serve", true));
  }

  private static Scheduler scheduler(ConfigValues v) {
    long lease = v.number("leaseSeconds", 30, 2, 3_600);
    long renew = v.number("renewSeconds", Math.max(1, lease / 3), 1, 3_600);
    if (renew >= lease) {
      throw new ConfigException(
          "scheduler.renewSeconds must be less than scheduler.leaseSeconds, got "
              + renew
              + " and "
              + lease);
    }
    int concurrency = (int) v.number("concurrency", 16, 1, 10_000);
    long runTimeout = v.number("runTimeoutSeconds", 3_600, 1, 86_400);
    long retention = v.number("runKeyRetentionSeconds", 7 * 86_400, 3_600, 366 * 86_400);
    if (retention <= runTimeout) {
      throw new ConfigException(
          "scheduler.runKeyRetentionSeconds must be more than scheduler.runTimeoutSeconds, got "
              + retention
              + " and "
              + runTimeout);
    }
    return new Scheduler(
        lease,
        renew,
        concurrency,
        (int) v.number("accountConcurrency", Math.min(4, concurrency), 1, concurrency),
        v.number("resyncSeconds", 60, 1, 86_400),
        runTimeout,
        retention,
        v.number("runKeySweepSeconds", 3_600, 1, 86_400));
  }
}
