package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.TestConfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Starts the store and gateway nodes as separate JVMs on the test's classpath, each logging to a
 * file, and kills whatever is left on {@link #close()}. Nodes join one Hazelcast cluster of their
 * own (a random name and port range on loopback) with {@code --cluster}.
 */
final class Processes implements AutoCloseable {
  /** A started process and its log. */
  record Proc(String name, Process process, Path log) {
    String logText() {
      try {
        return Files.readString(log);
      } catch (IOException e) {
        return "";
      }
    }
  }

  private static final int PORTS = 10;

  private final Path dir;
  private final List<Proc> all = new ArrayList<>();
  private final String clusterName = "sched-" + UUID.randomUUID().toString().substring(0, 8);
  private final int clusterPort = TestConfigs.freePortRange(PORTS);

  Processes(Path dir) {
    this.dir = dir;
  }

  /** Starts the store and returns its URI once it listens. */
  String startStore() throws InterruptedException {
    int port = TestConfigs.freePort();
    Proc store =
        start(
            "store",
            StoreProcess.class,
            List.of(dir.resolve("store").toString(), "" + port),
            Map.of());
    awaitLog(store, "store ready", 60_000);
    return "mongodb://127.0.0.1:" + port;
  }

  /** Starts a node from a config file written for it; does not wait for it. */
  Proc startNode(String name, String storeUri, String schedulerYaml) {
    Path config = dir.resolve(name + ".yaml");
    String yaml =
        String.join(
            "\n",
            "mode: development",
            "dataDir: " + dir.resolve("data-" + name),
            "reloadScanMs: 0",
            "http: {host: 127.0.0.1, port: 0}",
            "sandbox: {enabled: false}",
            "security: {secretKey: \""
                + TestConfigs.SECRET_KEY
                + "\", jwtSecrets: [\""
                + TestConfigs.JWT_SECRET
                + "\"]}",
            "scheduler: " + schedulerYaml,
            "");
    try {
      Files.writeString(config, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return start(
        name,
        ProbeNode.class,
        List.of(config.toString(), name),
        Map.of("GATEWAY_MONGO_URI", storeUri));
  }

  void awaitLog(Proc proc, String text, long limitMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + limitMs;
    while (!proc.logText().contains(text)) {
      if (!proc.process().isAlive() || System.currentTimeMillis() > deadline) {
        throw new AssertionError(proc.name() + " not ready:\n" + tail(proc));
      }
      Thread.sleep(100);
    }
  }

  /** The node process with this process id, if this test started it. */
  Proc byPid(long pid) {
    return all.stream().filter(p -> p.process().pid() == pid).findFirst().orElse(null);
  }

  /** SIGKILL: no shutdown hook runs, no lease is released. */
  static void crash(Proc proc) throws InterruptedException {
    proc.process().destroyForcibly();
    proc.process().waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM, and waits for the process to end. */
  static void stop(Proc proc) throws InterruptedException {
    proc.process().destroy();
    if (!proc.process().waitFor(15, TimeUnit.SECONDS)) {
      proc.process().destroyForcibly();
    }
  }

  private Proc start(String name, Class<?> main, List<String> args, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String hazelcast = System.getProperty("gateway.node.jvm.args", "").trim();
    if (!hazelcast.isEmpty()) {
      command.addAll(List.of(hazelcast.split("\\s+")));
    }
    command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.addAll(
        List.of("-Dhazelcast.logging.type=slf4j", "-Dhazelcast.phone.home.enabled=false"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(args);
    Path log = dir.resolve(name + "-" + all.size() + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("GATEWAY_"));
    builder.environment().putAll(env);
    try {
      Proc proc = new Proc(name, builder.start(), log);
      all.add(proc);
      return proc;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  static String tail(Proc proc) {
    String[] lines = proc.logText().split("\n");
    return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 25), lines.length));
  }

  @Override
  public void close() {
    for (Proc proc : all) {
      proc.process().descendants().forEach(ProcessHandle::destroyForcibly);
      proc.process().destroyForcibly();
    }
  }
}
