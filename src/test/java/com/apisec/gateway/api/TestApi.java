package com.apisec.gateway.api;

import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.Health;
import com.apisec.gateway.core.LiveConfig;
import com.apisec.gateway.core.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;

/** The HTTP API verticle on its own: the test config, the test JWT secret, a node that is ready. */
final class TestApi {
  private TestApi() {}

  /** Deploys it with {@code http} keys over the test config's; the port it listens on. */
  static int deploy(Vertx vertx, Path dataDir, JsonObject http) {
    JsonObject json = TestConfigs.json(dataDir);
    json.getJsonObject("http").mergeIn(http);
    HttpApiVerticle api =
        new HttpApiVerticle(
            LiveConfig.fixed(GatewayConfig.from(json)),
            (v, c) -> new TokenVerifier(v, List.of(TestConfigs.JWT_SECRET)),
            () -> Future.succeededFuture(Health.flag(true)));
    vertx.deployVerticle(api).await();
    return api.port();
  }
}
