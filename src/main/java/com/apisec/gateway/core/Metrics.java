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
import java.util.function.Supplier;

/**
 * The process's meters, scraped at {@code /metrics} in Prometheus format: requests per operation
 * and status with latency, vendor calls per vendor and status, retries, cluster members. Tag values
 * come from the route table and vendor names only, so their number stays bounded.
 */
public final class Metrics {
  private static final PrometheusMeterRegistry REGISTRY = create();

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
    Timer.builder("gateway.requests")
        .description("HTTP API requests by operation and status")
        .tag("operation", operation)
        .tag("status", Integer.toString(status))
        .publishPercentiles(0.5, 0.99)
        .register(REGISTRY)
        .record(Duration.ofNanos(nanos));
  }

  /** One vendor call; {@code outcome} is the HTTP status or a failure kind such as UNKNOWN. */
  public static void vendorCall(String vendor, String outcome, long nanos) {
    Timer.builder("gateway.vendor.calls")
        .description("Calls to vendors by vendor and outcome")
        .tag("vendor", vendor)
        .tag("outcome", outcome)
        .register(REGISTRY)
        .record(Duration.ofNanos(nanos));
  }

  public static void retry(String vendor) {
    Counter.builder("gateway.vendor.retries")
        .description("Vendor calls retried")
        .tag("vendor", vendor)
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
