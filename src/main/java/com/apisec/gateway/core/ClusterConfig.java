package com.apisec.gateway.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code cluster:} section: how a node started with {@code --cluster} finds the others. Member
 * entries are expanded here, so that {@code host:5701-5703} becomes three plain addresses
 * (Hazelcast itself rejects the range form when an interface is set).
 */
public record ClusterConfig(
    String name,
    String host,
    int port,
    Discovery discovery,
    List<String> members,
    Kubernetes kubernetes,
    String eventBusHost,
    int eventBusPort) {

  static final int MAX_EXPANDED_MEMBERS = 100;

  /** How a node finds the other members. */
  public enum Discovery {
    TCP,
    MULTICAST,
    KUBERNETES
  }

  /** Hazelcast's built-in Kubernetes discovery: the pods behind one service. */
  public record Kubernetes(String namespace, String serviceName) {}

  public ClusterConfig {
    members = List.copyOf(members);
  }

  /** True when Hazelcast may pick the interface itself (host {@code 0.0.0.0}). */
  public boolean anyInterface() {
    return host.equals("0.0.0.0");
  }

  static ClusterConfig from(ConfigValues v) {
    ConfigValues k8s = v.section("kubernetes");
    ClusterConfig config =
        new ClusterConfig(
            name(v),
            nonEmpty(v, "host", "127.0.0.1"),
            (int) v.number("port", 5701, 1, 65535),
            discovery(v),
            members(v),
            new Kubernetes(k8s.string("namespace", ""), k8s.string("serviceName", "")),
            v.string("eventBusHost", ""),
            (int) v.number("eventBusPort", 0, 0, 65535));
    config.checkConsistency(v);
    return config;
  }

  private void checkConsistency(ConfigValues v) {
    boolean loopback = isLoopback(host);
    if (discovery == Discovery.KUBERNETES && loopback) {
      throw new ConfigException(
          v.key("host")
              + " is "
              + host
              + " but "
              + v.key("discovery")
              + " is kubernetes: set it to the pod's address or 0.0.0.0");
    }
    if (discovery == Discovery.TCP && loopback) {
      members.stream()
          .filter(m -> !isLoopback(hostOf(m)))
          .findFirst()
          .ifPresent(
              m -> {
                throw new ConfigException(
                    v.key("members")
                        + " lists "
                        + m
                        + " but "
                        + v.key("host")
                        + " is "
                        + host
                        + ", which other machines cannot reach");
              });
    }
  }

  private static String name(ConfigValues v) {
    String name = nonEmpty(v, "name", "integration-gateway");
    if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new ConfigException(
          v.key("name") + " must be 1 to 64 letters, digits, '.', '_' or '-', got '" + name + "'");
    }
    return name;
  }

  private static String nonEmpty(ConfigValues v, String key, String fallback) {
    String value = v.string(key, fallback);
    if (value.isEmpty()) {
      throw new ConfigException(v.key(key) + " must not be empty");
    }
    return value;
  }

  private static Discovery discovery(ConfigValues v) {
    String value = v.string("discovery", "tcp");
    try {
      return Discovery.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          v.key("discovery") + " must be tcp, multicast or kubernetes, got '" + value + "'");
    }
  }

  private static List<String> members(ConfigValues v) {
    List<String> listed = v.strings("members");
    if (listed.isEmpty()) {
      listed = List.of("127.0.0.1");
    }
    List<String> out = new ArrayList<>();
    for (String entry : listed) {
      out.addAll(expand(v.key("members"), entry));
    }
    if (out.size() > MAX_EXPANDED_MEMBERS) {
      throw new ConfigException(
          v.key("members") + " expands to more than " + MAX_EXPANDED_MEMBERS + " addresses");
    }
    return out;
  }

  /** {@code host}, {@code host:port} or {@code host:first-last}, as plain addresses. */
  static List<String> expand(String key, String entry) {
    String[] parts = entry.split(":", -1);
    if (parts.length == 1 && !entry.isBlank()) {
      return List.of(entry);
    }
    if (parts.length != 2 || parts[0].isBlank()) {
      throw new ConfigException(
          key + " entries must be host, host:port or host:port-port, got '" + entry + "'");
    }
    String[] range = parts[1].split("-", -1);
    int first = port(key, entry, range[0]);
    int last = range.length == 2 ? port(key, entry, range[1]) : first;
    if (range.length > 2 || last < first || last - first >= MAX_EXPANDED_MEMBERS) {
      throw new ConfigException(key + " has a bad port range in '" + entry + "'");
    }
    List<String> out = new ArrayList<>();
    for (int p = first; p <= last; p++) {
      out.add(parts[0] + ":" + p);
    }
    return out;
  }

  private static int port(String key, String entry, String text) {
    try {
      int port = Integer.parseInt(text.trim());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below with the whole entry
    }
    throw new ConfigException(key + " has a bad port in '" + entry + "'");
  }

  private static String hostOf(String member) {
    int colon = member.indexOf(':');
    return colon < 0 ? member : member.substring(0, colon);
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.");
  }
}
