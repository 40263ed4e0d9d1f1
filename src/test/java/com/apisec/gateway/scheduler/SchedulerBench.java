package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.LiveConfig;
import com.apisec.gateway.core.TestConfigs;
import com.apisec.gateway.store.EmbeddedStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Measures the scheduler of one node against the embedded store (or {@code GATEWAY_MONGO_URI}):
 * registers {@code --jobs} jobs over {@code --accounts} accounts, due at {@code --per-minute} runs
 * a minute after a warm-up, then prints how late due runs started (p50, p99), the claims per second
 * at that rate and in a burst of jobs all due at once, and the CPU used while nothing was due. Run
 * through {@code scripts/bench-scheduler.sh}.
 */
public final class SchedulerBench {
  private static final String TYPE = "bench";
  private static final int BURST = 5_000;

  private final Map<String, Long> options;
  private final ConcurrentLinkedQueue<long[]> started = new ConcurrentLinkedQueue<>();

  private SchedulerBench(Map<String, Long> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, Long> options =
        new java.util.HashMap<>(
            Map.of(
                "jobs", 100_000L,
                "accounts", 1_000L,
                "per-minute", 2_000L,
                "warmup-seconds", 480L,
                "due-seconds", 90L,
                "resync-seconds", 60L));
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), Long.parseLong(args[i + 1]));
    }
    new SchedulerBench(options).run();
    System.exit(0);
  }

  private void run() throws Exception {
    Path dir = Files.createTempDirectory("scheduler-bench");
    String uri = System.getenv("GATEWAY_MONGO_URI");
    EmbeddedStore embedded =
        uri == null || uri.isBlank() ? EmbeddedStore.start(dir, "127.0.0.1", 0) : null;
    String store = embedded != null ? embedded.connectionString() : uri;
    JsonObject mongo =
        new JsonObject()
            .put("connection_string", store)
            .put("db_name", "scheduler_bench_" + System.currentTimeMillis());
    Vertx vertx = Vertx.vertx();
    JobWorkers.serve(vertx, TYPE, run -> record(run)).completion().await();

    long registeredFrom = System.currentTimeMillis();
    long dueFrom = registeredFrom + options.get("warmup-seconds") * 1000;
    long intervalSeconds = Math.max(1, options.get("jobs") * 60 / options.get("per-minute"));
    long burstAt = dueFrom + options.get("due-seconds") * 1000 + 15_000;
    Scheduler scheduler = Scheduler.create(vertx, mongo);
    new JobStore(io.vertx.ext.mongo.MongoClient.create(vertx, mongo))
        .ensureIndexes(embedded == null)
        .await();
    List<JobSpec> specs = specs(dueFrom, intervalSeconds, burstAt);
    scheduler.upsertAll(specs).await();
    long registeredMs = System.currentTimeMillis() - registeredFrom;
    print(
        "store",
        embedded != null ? "embedded (mongo-java-server, H2)" : "MongoDB (GATEWAY_MONGO_URI)");
    print(
        "jobs registered",
        specs.size()
            + " in "
            + registeredMs
            + " ms ("
            + specs.size() * 1000 / Math.max(1, registeredMs)
            + " a second)");

    long loadFrom = System.currentTimeMillis();
    JsonObject settings = new JsonObject().put("resyncSeconds", options.get("resync-seconds"));
    JsonObject json = TestConfigs.json(dir).put("logLevel", "WARN").put("scheduler", settings);
    if (embedded == null) {
      json.put("store", new JsonObject().put("mongoUri", uri));
    }
    GatewayConfig config = GatewayConfig.from(json);
    vertx.deployVerticle(new SchedulerVerticle(LiveConfig.fixed(config), mongo)).await();
    print("scheduler start (loads every job)", (System.currentTimeMillis() - loadFrom) + " ms");
    reread(vertx, mongo);
    if (System.currentTimeMillis() > dueFrom - 65_000) {
      throw new IllegalStateException("warm-up too short for this store: raise --warmup-seconds");
    }

    idleCpu(dueFrom);
    duePhase(dueFrom, intervalSeconds);
    burst(burstAt);
    vertx.close().await();
    if (embedded != null) {
      embedded.close();
    }
  }

  /**
   * What reading every job (a node's start) and one incremental reread cost, each measured on its
   * own; the reread (after one that catches up with the registration, and a pause) is averaged over
   * the period between rereads.
   */
  private void reread(Vertx vertx, JsonObject mongo) {
    Resync resync =
        new Resync(vertx, new JobStore(io.vertx.ext.mongo.MongoClient.create(vertx, mongo)));
    long[] jobs = {0};
    long cpu0 = cpuNanos();
    long wall0 = System.nanoTime();
    resync.run(view -> jobs[0]++, 30_000).await();
    long cpuMs = (cpuNanos() - cpu0) / 1_000_000;
    long wallMs = (System.nanoTime() - wall0) / 1_000_000;
    print("read of every job", jobs[0] + " jobs in " + wallMs + " ms, " + cpuMs + " ms of CPU");
    long period = options.get("resync-seconds");
    resync.pass(view -> {}, System.currentTimeMillis(), period * 1000, 30_000).await();
    sleep(35_000);
    long cpu1 = cpuNanos();
    long wall1 = System.nanoTime();
    Resync.Pass pass =
        resync.pass(view -> {}, System.currentTimeMillis(), period * 1000, 30_000).await();
    long passCpuMs = (cpuNanos() - cpu1) / 1_000_000;
    long passWallMs = (System.nanoTime() - wall1) / 1_000_000;
    print(
        "one incremental reread",
        pass.read() + " jobs in " + passWallMs + " ms, " + passCpuMs + " ms of CPU");
    print(
        "  averaged over resyncSeconds " + period,
        String.format("%.2f %% of one core", passCpuMs / (period * 10.0)));
  }

  /**
   * Past the overlap of the pass before, so the measured pass reads what a quiet minute changes.
   */
  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<JobSpec> specs(long dueFrom, long intervalSeconds, long burstAt) {
    long jobs = options.get("jobs");
    long accounts = options.get("accounts");
    List<JobSpec> specs = new ArrayList<>();
    for (long i = 0; i < jobs; i++) {
      long due = dueFrom + i * intervalSeconds * 1000 / jobs;
      JobKey key = new JobKey(1 + i % accounts, TYPE, "job-" + i);
      specs.add(JobSpec.every(key, intervalSeconds, null).firstDueAt(due));
    }
    for (long i = 0; i < BURST; i++) {
      JobKey key = new JobKey(1 + i % accounts, TYPE, "burst-" + i);
      specs.add(JobSpec.every(key, 86_400, null).firstDueAt(burstAt));
    }
    Collections.shuffle(specs, new java.util.Random(7));
    return specs;
  }

  private Future<JsonObject> record(JobRun run) {
    long burst = run.key().startsWith("burst-") ? 1 : 0;
    started.add(new long[] {run.slot(), System.currentTimeMillis(), burst});
    return Future.succeededFuture(null);
  }

  private void idleCpu(long dueFrom) throws InterruptedException {
    Thread.sleep(Math.max(0, dueFrom - 61_000 - System.currentTimeMillis()));
    long cpu0 = cpuNanos();
    long wall0 = System.nanoTime();
    Thread.sleep(60_000);
    double share = (cpuNanos() - cpu0) / (double) (System.nanoTime() - wall0);
    int cores = Runtime.getRuntime().availableProcessors();
    print(
        "idle CPU (60 s, nothing due)",
        String.format(
            "%.2f %% of one core, %.2f %% of %d cores", share * 100, share * 100 / cores, cores));
  }

  private void duePhase(long dueFrom, long intervalSeconds) throws InterruptedException {
    long seconds = options.get("due-seconds");
    long dueTo = dueFrom + seconds * 1000;
    Thread.sleep(Math.max(0, dueTo + 5_000 - System.currentTimeMillis()));
    List<Long> lateness = new ArrayList<>();
    for (long[] run : started) {
      if (run[2] == 0 && run[0] >= dueFrom && run[0] < dueTo) {
        lateness.add(run[1] - run[0]);
      }
    }
    Collections.sort(lateness);
    long expected = options.get("jobs") * seconds / intervalSeconds;
    print(
        "due runs started",
        lateness.size()
            + " of "
            + expected
            + " due in "
            + seconds
            + " s ("
            + options.get("per-minute")
            + " a minute)");
    print(
        "lateness p50 / p99 / max",
        pct(lateness, 0.50) + " / " + pct(lateness, 0.99) + " / " + pct(lateness, 1.0) + " ms");
    print(
        "claims a second at that rate", String.format("%.1f", lateness.size() / (double) seconds));
  }

  private void burst(long burstAt) throws InterruptedException {
    Thread.sleep(Math.max(0, burstAt - System.currentTimeMillis()));
    long deadline = System.currentTimeMillis() + 300_000;
    while (burstRuns(burstAt).size() < BURST && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
    }
    List<Long> starts = burstRuns(burstAt);
    long last = starts.isEmpty() ? burstAt : Collections.max(starts);
    double perSecond = starts.size() * 1000.0 / Math.max(1, last - burstAt);
    print(
        "burst: jobs all due at once",
        starts.size() + " of " + BURST + " started within " + (last - burstAt) + " ms");
    print("claims a second, flat out", String.format("%.0f", perSecond));
  }

  private List<Long> burstRuns(long burstAt) {
    return started.stream().filter(r -> r[2] == 1 && r[0] == burstAt).map(r -> r[1]).toList();
  }

  private static long pct(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void print(String what, String value) {
    System.out.printf("%-36s %s%n", what, value);
  }
}
