package com.apisec.gateway.core;

import com.apisec.gateway.store.PlatformStore;
import com.apisec.gateway.store.SecretBox;
import io.vertx.core.json.JsonObject;

/**
 * What every integration verticle is built with: the config as it was at start and as it is now
 * (reloads), the secret sealer, the store.
 */
public record GatewayContext(
    GatewayConfig config,
    SecretBox secrets,
    JsonObject mongoConfig,
    LiveConfig live,
    PlatformStore platform) {
  public GatewayContext {
    mongoConfig = mongoConfig.copy();
  }

  public GatewayContext(GatewayConfig config, SecretBox secrets, JsonObject mongoConfig) {
    this(config, secrets, mongoConfig, LiveConfig.fixed(config), null);
  }

  @Override
  public JsonObject mongoConfig() {
    return mongoConfig.copy();
  }
}
