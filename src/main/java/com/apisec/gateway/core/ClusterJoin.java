package com.apisec.gateway.core;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Hazelcast configuration from the {@code cluster:} section and starts a clustered
 * Vert.x with it. Vert.x's own maps come from its bundled Hazelcast file; only the network, the
 * cluster name and the timing properties are set here.
 */
public final class ClusterJoin {
  /**
   * Join at once instead of waiting for more members, notice a silent member within seconds, and
   * heal a split soon after. A {@code -D} system property with the same name wins.
   */
  static final Map<String, String> PROPERTIES =
      Map.of(
          "hazelcast.logging.type", "slf4j",
          "hazelcast.phone.home.enabled", "false",
          "hazelcast.wait.seconds.before.join", "0",
          "hazelcast.max.wait.seconds.before.join", "0",
          "hazelcast.heartbeat.interval.seconds", "1",
          "hazelcast.max.no.heartbeat.seconds", "10",
          "hazelcast.merge.first.run.delay.seconds", "10",
          "hazelcast.merge.next.run.delay.seconds", "10");

  static final String BIND_ANY = "hazelcast.socket.bind.any";

  private static final Logger LOG = LoggerFactory.getLogger(ClusterJoin.class);

  private ClusterJoin() {}

  /** A cluster manager for this config; pass it to {@link #start}. */
  public static HazelcastClusterManager manager(ClusterConfig cluster) {
    if (System.getProperty("hazelcast.logging.type") == null) {
      // before Hazelcast's first log line, which otherwise goes to java.util.logging
      System.setProperty("hazelcast.logging.type", "slf4j");
    }
    return new HazelcastClusterManager(hazelcastConfig(cluster));
  }

  /** Joins the cluster; the future completes once this node is a member. */
  public static Future<Vertx> start(ClusterConfig cluster, HazelcastClusterManager manager) {
    EventBusOptions bus = new EventBusOptions().setPort(cluster.eventBusPort());
    if (!cluster.eventBusHost().isEmpty()) {
      bus.setHost(cluster.eventBusHost());
    }
    LOG.info(
        "joining cluster [name: {}, discovery: {}, port: {}]",
        cluster.name(),
        cluster.discovery().name().toLowerCase(),
        cluster.port());
    return Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(bus))
        .withClusterManager(manager)
        .buildClustered()
        .onSuccess(vertx -> joined(cluster, manager));
  }

  static Config hazelcastConfig(ClusterConfig cluster) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(cluster.name());
    PROPERTIES.forEach((name, value) -> config.setProperty(name, System.getProperty(name, value)));
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(true);
    if (!cluster.anyInterface()) {
      // the interface only picks the address Hazelcast advertises; without bind.any=false its
      // server socket still listens on every interface
      config.setProperty(BIND_ANY, "false");
      network.getInterfaces().setEnabled(true).addInterface(cluster.host());
    }
    join(cluster, network.getJoin());
    return config;
  }

  private static void join(ClusterConfig cluster, JoinConfig join) {
    join.getMulticastConfig().setEnabled(cluster.discovery() == ClusterConfig.Discovery.MULTICAST);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(false);
    switch (cluster.discovery()) {
      case TCP -> {
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(1);
        cluster.members().forEach(join.getTcpIpConfig()::addMember);
      }
      case KUBERNETES -> {
        var k8s = join.getKubernetesConfig().setEnabled(true);
        if (!cluster.kubernetes().namespace().isEmpty()) {
          k8s.setProperty("namespace", cluster.kubernetes().namespace());
        }
        if (!cluster.kubernetes().serviceName().isEmpty()) {
          k8s.setProperty("service-name", cluster.kubernetes().serviceName());
        }
      }
      case MULTICAST -> {
        // enabled above; Hazelcast's default group and port
      }
    }
  }

  private static void joined(ClusterConfig cluster, HazelcastClusterManager manager) {
    LOG.info(
        "joined cluster [name: {}, node: {}, members: {}]",
        cluster.name(),
        manager.getNodeId(),
        manager.getNodes().size());
    manager.getHazelcastInstance().getCluster().addMembershipListener(new MemberLog());
    Metrics.clusterMembers(() -> manager.isActive() ? manager.getNodes().size() : 0);
  }

  /** One INFO line each time a member joins or leaves. */
  private static final class MemberLog implements MembershipListener {
    @Override
    public void memberAdded(MembershipEvent event) {
      LOG.info(
          "cluster member joined [member: {}, members: {}]",
          event.getMember().getAddress(),
          event.getMembers().size());
    }

    @Override
    public void memberRemoved(MembershipEvent event) {
      LOG.info(
          "cluster member left [member: {}, members: {}]",
          event.getMember().getAddress(),
          event.getMembers().size());
    }
  }
}
