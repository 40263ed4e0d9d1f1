package com.apisec.gateway.cluster;

import com.apisec.gateway.core.TestConfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the gateway as separate JVMs, as an operator would: the store, and nodes of one cluster
 * with a name and a Hazelcast port range of their own. Each process logs to a file in the given
 * directory. {@link #close()} kills every process it started, with its descendants, and so does a
 * shutdown hook if the test JVM ends first.
 */
final class GatewayProcesses implements AutoCloseable {
  static final String GATEWAY_MAIN = "com.apisec.gateway.core.Main";
  static final Duration READY_LIMIT = Duration.ofSeconds(60);
  private static final Logger LOG = LoggerFactory.getLogger(GatewayProcesses.class);
  private static final int PORT_RANGE = 10;

  private final Path dir;
  private final String clusterName = "it-" + UUID.randomUUID().toString().substring(0, 8);
  private final int clusterPort = TestConfigs.freePortRange(PORT_RANGE);
  private final List<Started> started = new CopyOnWriteArrayList<>();
  private final Thread reaper = new Thread(this::killAll, "test-process-reaper");
  private String storeUri;

  /** One process: its name, the process, its log file and (for nodes) its HTTP port. */
  record Started(String name, Process process, Path log, int httpPort, long startedNanos) {
    String url(String path) {
      return "http://127.0.0.1:" + httpPort + path;
    }

    String logText() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(no log: " + e.getMessage() + ")";
      }
    }
  }

  GatewayProcesses(Path dir) {
    this.dir = dir;
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  String clusterName() {
    return clusterName;
  }

  int clusterPort() {
    return clusterPort;
  }

  /** Starts the store subcommand on a free port and waits for the URI it prints. */
  String startStore() {
    int port = TestConfigs.freePort();
    List<String> args = List.of("store", "--port", "" + port, "--data-dir", "" + dir("store"));
    Started store = start("store", GATEWAY_MAIN, Map.of(), args, 0);
    await(store, READY_LIMIT, () -> store.logText().contains("mongodb://127.0.0.1:" + port));
    storeUri = "mongodb://127.0.0.1:" + port;
    return storeUri;
  }

  /** A process of the store subcommand that nothing else uses, for tests that stop it. */
  Started startSpareStore() {
    int port = TestConfigs.freePort();
    List<String> args = List.of("store", "--port", "" + port, "--data-dir", "" + dir("spare"));
    Started store = start("spare-store", GATEWAY_MAIN, Map.of(), args, 0);
    await(store, READY_LIMIT, () -> store.logText().contains("mongodb://127.0.0.1:" + port));
    return store;
  }

  /**
   * Starts a node of this cluster with the shared store and keys; {@code env} adds or overrides
   * variables (an empty value removes one).
   */
  Started startNode(String name, String mainClass, Map<String, String> env, List<String> args) {
    int httpPort = TestConfigs.freePort();
    Map<String, String> vars = new HashMap<>();
    vars.put("GATEWAY_HTTP_PORT", "" + httpPort);
    vars.put("GATEWAY_DATA_DIR", "" + dir(name));
    vars.put("GATEWAY_SECRET_KEY", TestConfigs.SECRET_KEY);
    vars.put("GATEWAY_JWT_SECRET", TestConfigs.JWT_SECRET);
    vars.put("GATEWAY_CLUSTER_NAME", clusterName);
    vars.put("GATEWAY_CLUSTER_PORT", "" + clusterPort);
    vars.put("TEST_NODE_NAME", name);
    if (storeUri != null) {
      vars.put("GATEWAY_MONGO_URI", storeUri);
    }
    vars.putAll(env);
    return start(name, mainClass, vars, args, httpPort);
  }

  /** Waits until the node's {@code /health} answers 200, or fails with the end of its log. */
  void awaitReady(Started node) {
    await(node, READY_LIMIT, () -> Http.get(node.url("/health")).statusCode() == 200);
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - node.startedNanos());
    LOG.info("node ready [name: {}, ms from process start: {}]", node.name(), ms);
  }

  /** Waits until {@code condition} holds while {@code process} runs, or fails with its log. */
  void await(Started process, Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (!process.process().isAlive()) {
        throw new AssertionError(process.name() + " exited:\n" + tail(process));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(process.name() + " not ready in " + limit + ":\n" + tail(process));
      }
      sleep(200);
    }
  }

  /** Kills one process at once (SIGKILL), as a crash would, with its descendants. */
  static void crash(Started process) {
    process.process().descendants().forEach(ProcessHandle::destroyForcibly);
    process.process().destroyForcibly();
  }

  @Override
  public void close() {
    killAll();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down and runs the hook itself
    }
  }

  /** SIGTERM to all, a few seconds to stop, then SIGKILL to what is left and its descendants. */
  private void killAll() {
    started.forEach(p -> p.process().destroy());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (Started p : started) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        p.process().waitFor(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      p.process().descendants().forEach(ProcessHandle::destroyForcibly);
      p.process().destroyForcibly();
    }
  }

  private Started start(
      String name, String mainClass, Map<String, String> env, List<String> args, int httpPort) {
    Path log = dir.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command(mainClass, args));
    builder.environment().keySet().removeIf(key -> key.startsWith("GATEWAY_"));
    env.forEach((key, value) -> builder.environment().put(key, value));
    builder.environment().values().removeIf(String::isEmpty);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    try {
      Started process = new Started(name, builder.start(), log, httpPort, System.nanoTime());
      started.add(process);
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  private static List<String> command(String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    return command;
  }

  /**
   * The pom's Hazelcast flags (passed in by Surefire), the production log setup rather than the
   * tests' one, and settings for a quick, small JVM.
   */
  private static List<String> jvmFlags() {
    List<String> flags = new ArrayList<>();
    String hazelcast = System.getProperty("gateway.node.jvm.args", "").trim();
    if (!hazelcast.isEmpty()) {
      flags.addAll(List.of(hazelcast.split("\\s+")));
    }
    flags.addAll(
        List.of(
            "-Dlogback.configurationFile=logback.xml",
            "-Dhazelcast.logging.type=slf4j",
            "-Dhazelcast.phone.home.enabled=false",
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1"));
    return flags;
  }

  private Path dir(String name) {
    return dir.resolve(name);
  }

  private static String tail(Started process) {
    String[] lines = process.logText().split("\n");
    int from = Math.max(0, lines.length - 30);
    return String.join("\n", List.of(lines).subList(from, lines.length));
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
