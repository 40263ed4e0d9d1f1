package com.apisec.gateway.core;

import io.vertx.config.ConfigRetriever;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the config file and applies valid changes to the reloadable keys without a restart. A
 * change that cannot be read or fails validation is logged at ERROR once per change of the file,
 * and the running config stays.
 */
public final class ConfigWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

  private final Vertx vertx;
  private final Path file;
  private final Map<String, String> env;
  private final LiveConfig live;
  private final Consumer<GatewayConfig> check;
  private ConfigRetriever retriever;
  private String lastFailedVersion;

  /**
   * @param check runs on each valid change before it is applied (token keys that cannot be read,
   *     say); a {@link ConfigException} refuses the change
   */
  public ConfigWatcher(
      Vertx vertx,
      Path file,
      Map<String, String> env,
      LiveConfig live,
      Consumer<GatewayConfig> check) {
    this.vertx = vertx;
    this.file = file;
    this.env = env;
    this.live = live;
    this.check = check;
  }

  public void start(long scanPeriodMs) {
    retriever =
        ConfigRetriever.create(
            vertx, ConfigLoader.retrieverOptions(file).setScanPeriod(scanPeriodMs));
    retriever.configStream().exceptionHandler(this::unreadable).handler(this::changed);
    retriever.getConfig();
  }

  public void stop() {
    if (retriever != null) {
      retriever.close();
    }
  }

  private void changed(JsonObject raw) {
    GatewayConfig current = live.get();
    GatewayConfig next;
    try {
      next = GatewayConfig.from(ConfigLoader.withEnvironment(raw, env));
      check.accept(next);
    } catch (ConfigException e) {
      failedOnce("config change refused, running config kept [file: {}]: {}", e.getMessage());
      return;
    }
    lastFailedVersion = null;
    GatewayConfig applied = Reloadable.apply(current, next);
    if (applied.equals(current)) {
      return;
    }
    Reloadable.restartNeeded(current, next)
        .ifPresent(keys -> LOG.warn("config keys changed that need a restart [keys: {}]", keys));
    Launcher.applyLogLevel(applied.logLevel());
    live.set(applied);
    LOG.info("config reloaded [file: {}]", file);
  }

  private void unreadable(Throwable e) {
    failedOnce("config file unreadable, running config kept [file: {}]: {}", e.getMessage());
  }

  /** Logs a refused change once per version of the file, not on every scan. */
  private void failedOnce(String message, String detail) {
    String version = version();
    if (Objects.equals(version, lastFailedVersion)) {
      return;
    }
    lastFailedVersion = version;
    LOG.error(message, file, firstLine(detail));
  }

  private String version() {
    try {
      return Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
    } catch (java.io.IOException e) {
      return "missing";
    }
  }

  private static String firstLine(String text) {
    String value = text == null ? "unknown error" : text;
    int newline = value.indexOf('\n');
    return (newline < 0 ? value : value.substring(0, newline)).replaceAll("\\p{Cntrl}", " ");
  }
}
