package com.apisec.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterJoinTest {
  @TempDir Path dir;

  @Test
  void tcpDiscovery_listsEachExpandedMemberAndBindsTheInterface() {
    JsonObject section =
        new JsonObject().put("name", "it").put("port", 5801).put("members", "127.0.0.1:5801-5802");

    Config config = ClusterJoin.hazelcastConfig(cluster(section));

    JoinConfig join = config.getNetworkConfig().getJoin();
    assertEquals("it", config.getClusterName());
    assertEquals(5801, config.getNetworkConfig().getPort());
    assertEquals(List.of("127.0.0.1:5801", "127.0.0.1:5802"), join.getTcpIpConfig().getMembers());
    assertTrue(join.getTcpIpConfig().isEnabled());
    assertFalse(join.getMulticastConfig().isEnabled());
    assertTrue(config.getNetworkConfig().getInterfaces().getInterfaces().contains("127.0.0.1"));
    assertEquals("false", config.getProperty(ClusterJoin.BIND_ANY));
    assertEquals("0", config.getProperty("hazelcast.wait.seconds.before.join"));
  }

  @Test
  void kubernetesDiscovery_passesNamespaceAndServiceAndLeavesTheInterfaceOpen() {
    JsonObject section =
        new JsonObject()
            .put("discovery", "kubernetes")
            .put("host", "0.0.0.0")
            .put("kubernetes", new JsonObject().put("namespace", "sec").put("serviceName", "gw"));

    Config config = ClusterJoin.hazelcastConfig(cluster(section));

    JoinConfig join = config.getNetworkConfig().getJoin();
    assertTrue(join.getKubernetesConfig().isEnabled());
    assertEquals("sec", join.getKubernetesConfig().getProperty("namespace"));
    assertEquals("gw", join.getKubernetesConfig().getProperty("service-name"));
    assertFalse(join.getTcpIpConfig().isEnabled());
    assertFalse(config.getNetworkConfig().getInterfaces().isEnabled());
    assertNull(config.getProperty(ClusterJoin.BIND_ANY));
  }

  @Test
  void vertxMaps_comeFromTheBundledHazelcastFile() {
    Config config = ClusterJoin.hazelcastConfig(cluster(new JsonObject()));

    assertTrue(config.getMultiMapConfigs().containsKey("__vertx.subs"));
    assertTrue(config.getMapConfigs().containsKey("__vertx.nodeInfo"));
  }

  private ClusterConfig cluster(JsonObject section) {
    return GatewayConfig.from(TestConfigs.json(dir).put("cluster", section)).cluster();
  }
}
