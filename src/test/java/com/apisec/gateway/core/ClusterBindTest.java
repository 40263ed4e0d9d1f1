package com.apisec.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two members joined on loopback, then a connection to the first one's Hazelcast port through
 * another address of this machine: a member bound to {@code cluster.host} refuses it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ClusterBindTest {
  private static final String HOST = "127.0.0.1";

  @TempDir Path dir;
  private final List<Vertx> nodes = new ArrayList<>();

  @AfterEach
  void leave() {
    Collections.reverse(nodes);
    nodes.forEach(node -> node.close().await());
  }

  @Test
  void loopbackHost_membersJoin_andThePortIsClosedOnOtherAddresses() throws Exception {
    Optional<InetAddress> other = otherLocalAddress();
    assumeTrue(
        other.isPresent(),
        "no address of this machine besides 127.0.0.1 reaches a listener on every interface,"
            + " so a wildcard bind cannot be told apart from a loopback one here");
    ClusterConfig cluster = cluster(TestConfigs.freePort());

    HazelcastClusterManager first = join(cluster);
    HazelcastClusterManager second = join(cluster);
    int port = first.getHazelcastInstance().getCluster().getLocalMember().getAddress().getPort();

    assertEquals(2, first.getNodes().size(), "members seen by the first node");
    assertEquals(2, second.getNodes().size(), "members seen by the second node");
    assertTrue(connects(InetAddress.getByName(HOST), port), "Hazelcast port on " + HOST);
    assertFalse(
        connects(other.get(), port),
        "Hazelcast answers on "
            + other.get().getHostAddress()
            + ":"
            + port
            + " although cluster.host is "
            + HOST);
  }

  private HazelcastClusterManager join(ClusterConfig cluster) {
    HazelcastClusterManager manager = ClusterJoin.manager(cluster);
    nodes.add(ClusterJoin.start(cluster, manager).await());
    return manager;
  }

  private ClusterConfig cluster(int port) {
    JsonObject section =
        new JsonObject()
            .put("name", "bind-" + UUID.randomUUID().toString().substring(0, 8))
            .put("host", HOST)
            .put("port", port)
            .put("members", HOST + ":" + port + "-" + (port + 2));
    return GatewayConfig.from(TestConfigs.json(dir).put("cluster", section)).cluster();
  }

  /**
   * An address of this machine other than {@link #HOST} through which a listener bound to every
   * interface can be reached: 127.0.0.2 where the whole loopback range answers, else a non-loopback
   * address of an interface that is up.
   */
  private static Optional<InetAddress> otherLocalAddress() throws IOException {
    try (ServerSocket everywhere = new ServerSocket(0)) {
      for (InetAddress candidate : candidates()) {
        if (connects(candidate, everywhere.getLocalPort())) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static List<InetAddress> candidates() throws IOException {
    List<InetAddress> out = new ArrayList<>(List.of(InetAddress.getByName("127.0.0.2")));
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        nic.inetAddresses().filter(a -> !a.isLinkLocalAddress()).forEach(out::add);
      }
    }
    return out;
  }

  private static boolean connects(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
