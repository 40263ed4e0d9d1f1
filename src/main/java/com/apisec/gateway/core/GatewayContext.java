package com.apisec.gateway.core;

import com.apisec.gateway.store.SecretBox;
import io.vertx.core.json.JsonObject;

/** What every integration verticle is built with: the config, the secret sealer, the store. */
public record GatewayContext(GatewayConfig config, SecretBox secrets, JsonObject mongoConfig) {
  public GatewayContext {
    mongoConfig = mongoConfig.copy();
  }

  @Override
  public JsonObject mongoConfig() {
    return mongoConfig.copy();
  }
}
