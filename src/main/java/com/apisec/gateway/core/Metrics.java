package com.apisec.gateway.core;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The process's meters, scraped at {@code /metrics} in Prometheus format: requests per operation
 * and status with latency, vendor calls per vendor and status, retries, cluster members, job runs
 * by type and outcome with their lateness. Tag values come from the route table, vendor names and
 * job types only, so their number stays bounded.
 */
public final class Metrics {
  private static final PrometheusMeterRegistry REGISTRY = create();

  /**
   * The two timers every request records, kept once registered: building a meter's id and looking
   * it up in the registry costs more than recording. Their tags are bounded (see above).
   */
  private static final Map<TagPair, Timer> REQUESTS = new ConcurrentHashMap<>();

  private static final Map<TagPair, Timer> VENDOR_CALLS = new ConcurrentHashMap<>();

  private record TagPair(String first, String second) {}

  private Metrics() {}

  static {
    clusterMembers(() -> 1);
  }

  private static PrometheusMeterRegistry create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    return registry;
  }

  public static void request(String operation, int status, long nanos) {
    REQUESTS
        .computeIfAbsent(
            new TagPair(operation, Integer.toString(status)),
            tags ->
                Timer.builder("gateway.requests")
                    .description("HTTP API requests by operation and status")
                    .tag("operation", tags.first())
                    .tag("status", tags.second())
                    .publishPercentiles(0.5, 0.99)
                    .register(REGISTRY))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** One vendor call; {@code outcome} is the HTTP status or a failure kind such as UNKNOWN. */
  public static void vendorCall(String vendor, String outcome, long nanos) {
    VENDOR_CALLS
        .computeIfAbsent(
            new TagPair(vendor, outcome),
            tags ->
                Timer.builder("gateway.vendor.calls")
                    .description("Calls to vendors by vendor and outcome")
                    .tag("vendor", tags.first())
                    .tag("outcome", tags.second())
                    .register(REGISTRY))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  public static void retry(String vendor) {
    Counter.builder("gateway.vendor.retries")
        .description("Vendor calls retried")
        .tag("vendor", vendor)
        .register(REGISTRY)
        .increment();
  }

  /** One finished job run; {@code outcome} is succeeded, failed, discarded or skipped. */
  public static void jobRun(String type, String outcome, long nanos) {
    Timer.builder("gateway.scheduler.runs")
        .description("Job runs by type and outcome, with their duration")
        .tag("type", type)
        .tag("outcome", outcome)
        .register(REGISTRY)
        .record(Duration.ofNanos(nanos));
  }

  /** How late a due slot started, from its due time to the worker being asked. */
  public static void jobLateness(String type, long millis) {
    Timer.builder("gateway.scheduler.lateness")
        .description("Delay between a slot's due time and the start of its run")
        .tag("type", type)
        .publishPercentiles(0.5, 0.99)
        .register(REGISTRY)
        .record(Duration.ofMillis(Math.max(0, millis)));
  }

  /** A slot taken over from a node whose lease ran out. */
  public static void jobTakeover(String type) {
    Counter.builder("gateway.scheduler.takeovers")
        .description("Slots taken over after the lease of the running node ran out")
        .tag("type", type)
        .register(REGISTRY)
        .increment();
  }

  /** Registers the cluster-size gauge once; later calls replace what it reads. */
  public static void clusterMembers(Supplier<Number> members) {
    ClusterGauge.source = members;
    Gauge.builder("gateway.cluster.members", () -> ClusterGauge.source.get())
        .description("Members of the cluster this node sees (1 when standalone)")
        .register(REGISTRY);
  }

  public static String scrape() {
    return REGISTRY.scrape();
  }

  private static final class ClusterGauge {
    private static volatile Supplier<Number> source = () -> 1;
  }
}
