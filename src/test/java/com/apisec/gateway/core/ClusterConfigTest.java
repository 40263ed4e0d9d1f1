package com.apisec.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ClusterConfigTest {
  @TempDir Path dir;

  @Test
  void shippedConfig_hasLoopbackTcpDefaults(Vertx vertx) {
    JsonObject raw = ConfigLoader.load(vertx, Path.of("conf/config.yaml"), Map.of()).await();

    GatewayConfig config = GatewayConfig.from(raw);

    assertEquals("integration-gateway", config.cluster().name());
    assertEquals("127.0.0.1", config.cluster().host());
    assertEquals(5701, config.cluster().port());
    assertEquals(ClusterConfig.Discovery.TCP, config.cluster().discovery());
    assertEquals(List.of("127.0.0.1"), config.cluster().members());
    assertEquals(0, config.cluster().eventBusPort());
    assertTrue(config.node().integrations());
    assertEquals(10, config.node().shutdownGraceSeconds());
  }

  @Test
  void environment_overridesNamePortAndMembers(Vertx vertx) {
    Map<String, String> env =
        Map.of(
            "GATEWAY_CLUSTER_NAME", "staging",
            "GATEWAY_CLUSTER_PORT", "5801",
            "GATEWAY_CLUSTER_MEMBERS", "127.0.0.1:5801, 127.0.0.2");

    GatewayConfig config =
        GatewayConfig.from(ConfigLoader.load(vertx, Path.of("conf/config.yaml"), env).await());

    assertEquals("staging", config.cluster().name());
    assertEquals(5801, config.cluster().port());
    assertEquals(List.of("127.0.0.1:5801", "127.0.0.2"), config.cluster().members());
  }

  @Test
  void memberPortRange_isExpandedIntoPlainAddresses() {
    ClusterConfig cluster = cluster(new JsonObject().put("members", "127.0.0.1:5701-5703"));

    assertEquals(List.of("127.0.0.1:5701", "127.0.0.1:5702", "127.0.0.1:5703"), cluster.members());
  }

  @Test
  void badValues_areRejectedNamingTheKey() {
    assertMessage("cluster.discovery must be tcp, multicast or kubernetes", "discovery", "dns");
    assertMessage("cluster.port must be between 1 and 65535", "port", 0);
    assertMessage("cluster.name must be 1 to 64 letters", "name", "two words");
    assertMessage("cluster.host must not be empty", "host", "");
    assertMessage("cluster.members has a bad port in 'h:x'", "members", "h:x");
    assertMessage("cluster.members has a bad port range", "members", "h:5703-5701");
    assertMessage("cluster.members entries must be host", "members", "a:b:c");
    assertMessage("cluster.eventBusPort must be between 0 and 65535", "eventBusPort", -1);
    assertMessage(
        "cluster.members expands to more than 100",
        "members",
        new JsonArray().add("a:1000-1080").add("b:1000-1080"));
  }

  @Test
  void loopbackHostWithRemoteMembers_isRefusedNamingBoth() {
    assertMessage(
        "cluster.members lists 10.0.0.2 but cluster.host is 127.0.0.1", "members", "10.0.0.2");
  }

  @Test
  void kubernetesOnLoopback_isRefusedNamingBoth() {
    assertMessage(
        "cluster.host is 127.0.0.1 but cluster.discovery is kubernetes", "discovery", "kubernetes");
  }

  @Test
  void kubernetesOnAnyInterface_keepsNamespaceAndService() {
    JsonObject section =
        new JsonObject()
            .put("discovery", "kubernetes")
            .put("host", "0.0.0.0")
            .put("kubernetes", new JsonObject().put("namespace", "sec").put("serviceName", "gw"));

    ClusterConfig cluster = cluster(section);

    assertTrue(cluster.anyInterface());
    assertEquals(new ClusterConfig.Kubernetes("sec", "gw"), cluster.kubernetes());
  }

  @Test
  void nodeSection_readsIntegrationsFlagAndGrace() {
    JsonObject json =
        TestConfigs.json(dir)
            .put(
                "node", new JsonObject().put("integrations", false).put("shutdownGraceSeconds", 3));

    GatewayConfig config = GatewayConfig.from(json);

    assertFalse(config.node().integrations());
    assertEquals(3, config.node().shutdownGraceSeconds());
  }

  private ClusterConfig cluster(JsonObject section) {
    return GatewayConfig.from(TestConfigs.json(dir).put("cluster", section)).cluster();
  }

  private void assertMessage(String expected, String key, Object value) {
    JsonObject json = TestConfigs.json(dir).put("cluster", new JsonObject().put(key, value));

    ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfig.from(json));

    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
