package com.apisec.gateway.api;

import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.Keys;
import io.vertx.core.Vertx;

/**
 * The token keys of a node, read again from each reloaded config: a key added to the list is
 * accepted at once, a key removed is refused at once.
 */
public final class TokenKeys {
  private final Keys initial;

  public TokenKeys(Keys initial) {
    this.initial = initial;
  }

  /** Fails with a message naming the key when the config's token keys cannot be used. */
  public void check(GatewayConfig config) {
    initial.withTokenKeys(config, false);
  }

  public TokenVerifier verifier(Vertx vertx, GatewayConfig config) {
    Keys keys = initial.withTokenKeys(config, false);
    return new TokenVerifier(vertx, keys.jwtSecrets(), keys.jwtPublicKeys());
  }
}
