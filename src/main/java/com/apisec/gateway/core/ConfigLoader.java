package com.apisec.gateway.core;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the configuration in its three layers: the YAML file, then the environment, then flags; the
 * later layer wins. The result is validated by {@link GatewayConfig#from}.
 */
public final class ConfigLoader {
  /** Environment variables that are part of the contract, and the key each one sets. */
  static final Map<String, String> ENVIRONMENT =
      Map.ofEntries(
          Map.entry("GATEWAY_HTTP_PORT", "http.port"),
          Map.entry("GATEWAY_SANDBOX_PORT", "sandbox.port"),
          Map.entry("GATEWAY_SANDBOX_ENABLED", "sandbox.enabled"),
          Map.entry("GATEWAY_SANDBOX_SERVE", "sandbox.serve"),
          Map.entry("GATEWAY_DATA_DIR", "dataDir"),
          Map.entry("GATEWAY_MONGO_URI", "store.mongoUri"),
          Map.entry("GATEWAY_SECRET_KEY", "security.secretKey"),
          Map.entry("GATEWAY_JWT_SECRET", "security.jwtSecrets"),
          Map.entry("GATEWAY_MODE", "mode"),
          Map.entry("GATEWAY_CLUSTER_NAME", "cluster.name"),
          Map.entry("GATEWAY_CLUSTER_PORT", "cluster.port"),
          Map.entry("GATEWAY_CLUSTER_MEMBERS", "cluster.members"));

  private ConfigLoader() {}

  /** Loads the file with Vert.x's config library and layers the environment on top. */
  public static Future<JsonObject> load(Vertx vertx, Path file, Map<String, String> env) {
    if (!Files.isRegularFile(file)) {
      return Future.failedFuture(new ConfigException("config file not found: " + file));
    }
    ConfigRetriever retriever = ConfigRetriever.create(vertx, retrieverOptions(file));
    return retriever
        .getConfig()
        .recover(e -> Future.failedFuture(new ConfigException("cannot read " + file + ": " + e)))
        .map(json -> withEnvironment(json, env))
        .onComplete(ignored -> retriever.close());
  }

  static ConfigRetrieverOptions retrieverOptions(Path file) {
    ConfigStoreOptions yaml =
        new ConfigStoreOptions()
            .setType("file")
            .setFormat("yaml")
            .setConfig(new JsonObject().put("path", file.toString()));
    return new ConfigRetrieverOptions().addStore(yaml).setIncludeDefaultStores(false);
  }

  /** Returns a copy of the config with each contract variable that is set applied to its key. */
  public static JsonObject withEnvironment(JsonObject config, Map<String, String> env) {
    JsonObject out = config.copy();
    ENVIRONMENT.forEach(
        (variable, key) -> {
          String value = env.get(variable);
          if (value != null && !value.isBlank()) {
            put(out, key, key.equals("security.jwtSecrets") ? new JsonArray().add(value) : value);
          }
        });
    return out;
  }

  /** Sets a dotted key, creating the sections on the way. */
  public static void put(JsonObject root, String dottedKey, Object value) {
    String[] parts = dottedKey.split("\\.");
    JsonObject section = root;
    for (int i = 0; i < parts.length - 1; i++) {
      Object child = section.getValue(parts[i]);
      if (!(child instanceof JsonObject)) {
        child = new JsonObject();
        section.put(parts[i], child);
      }
      section = (JsonObject) child;
    }
    section.put(parts[parts.length - 1], value);
  }
}
