package com.apisec.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.Launcher;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SandboxLaunchTest {

  @Test
  void start_developmentModeWithSandboxOnPortZero_servesTheJiraStandIn(
      Vertx vertx, @TempDir Path dataDir) {
    GatewayConfig config = GatewayConfig.from(developmentConfig(dataDir));

    Launcher.Node node = Launcher.start(vertx, config).await();

    assertTrue(node.sandboxPort() > 0);
    HttpResponse<Buffer> response =
        WebClient.create(vertx)
            .get(node.sandboxPort(), "127.0.0.1", "/jira/rest/api/3/myself")
            .send()
            .await();
    assertEquals(401, response.statusCode());
  }

  @Test
  void start_sandboxDisabled_reportsNoSandboxPort(Vertx vertx, @TempDir Path dataDir) {
    JsonObject json = developmentConfig(dataDir);
    json.getJsonObject("sandbox").put("enabled", false);

    Launcher.Node node = Launcher.start(vertx, GatewayConfig.from(json)).await();

    assertEquals(0, node.sandboxPort());
  }

  private static JsonObject developmentConfig(Path dataDir) {
    return new JsonObject()
        .put("mode", "development")
        .put("dataDir", dataDir.toString())
        .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
        .put("sandbox", new JsonObject().put("host", "127.0.0.1").put("port", 0));
  }
}
