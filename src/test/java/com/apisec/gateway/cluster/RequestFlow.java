package com.apisec.gateway.cluster;

import com.apisec.gateway.cluster.GatewayProcesses.Started;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Requests sent back to back to each of some nodes on threads of their own, every outcome kept. */
final class RequestFlow {
  /** One request: when it started, where it went, and what came back. */
  record Outcome(String node, long startedNanos, int status, String answeredBy, String body) {}

  private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  private RequestFlow() {}

  static RequestFlow start(List<Started> nodes, Function<Started, Http.Answer> request) {
    RequestFlow flow = new RequestFlow();
    for (Started node : nodes) {
      Thread thread = new Thread(() -> flow.loop(node, request), "flow-" + node.name());
      thread.setDaemon(true);
      flow.threads.add(thread);
      thread.start();
    }
    return flow;
  }

  /**
   * Goes on until {@code count} requests have started after {@code nanos} (or {@code limit} has
   * passed), then stops and returns every outcome.
   */
  List<Outcome> stopAfter(long nanos, int count, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (countAfter(nanos) < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return stop();
  }

  private long countAfter(long nanos) {
    return outcomes.stream().filter(o -> o.startedNanos() > nanos).count();
  }

  /** Stops sending, waits for the requests in flight, and returns every outcome. */
  List<Outcome> stop() throws InterruptedException {
    running = false;
    for (Thread thread : threads) {
      thread.join(Http.TIMEOUT.toMillis() + 1_000);
    }
    return List.copyOf(outcomes);
  }

  private void loop(Started node, Function<Started, Http.Answer> request) {
    while (running) {
      long started = System.nanoTime();
      Http.Answer answer = request.apply(node);
      String by = answer.statusCode() == 200 ? answer.json().getString("answeredBy") : null;
      outcomes.add(new Outcome(node.name(), started, answer.statusCode(), by, answer.body()));
      GatewayProcesses.sleep(20);
    }
  }
}
