package com.apisec.gateway.core;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a node in steps, each bounded in time and logged: report not ready; close the HTTP server
 * while in-flight requests finish and, at the same time, stop claiming job slots while the runs in
 * progress finish (both up to {@code node.shutdownGraceSeconds}); undeploy the verticles with the
 * store last, then close Vert.x, which leaves the cluster. Runs are drained before the undeploy
 * because the undeploy takes their workers away.
 */
final class GracefulStop {
  static final Duration STEP_LIMIT = Duration.ofSeconds(15);
  private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

  private GracefulStop() {}

  static void run(Launcher.Node node) {
    long started = System.nanoTime();
    Duration grace = Duration.ofSeconds(node.config().node().shutdownGraceSeconds());
    Vertx vertx = node.vertx();
    LOG.info("stopping [grace s: {}]", grace.toSeconds());
    node.health().stopping();

    Future<?> requests = node.api().shutdown(grace);
    Future<?> runs = node.scheduler().drain(grace);
    step("http server closed", requests, grace.plus(STEP_LIMIT));
    step("job runs drained", runs, grace.plus(STEP_LIMIT));
    step("verticles undeployed", undeploy(vertx, node.storeDeployment()), STEP_LIMIT);
    String last = vertx.isClustered() ? "left the cluster" : "vert.x closed";
    step(last, vertx.close(), STEP_LIMIT);

    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    LOG.info("stopped [ms: {}]", ms);
  }

  /** Everything but the store, in parallel; then the store, which the others may still use. */
  private static Future<?> undeploy(Vertx vertx, String storeDeployment) {
    List<Future<Void>> others =
        vertx.deploymentIDs().stream()
            .filter(id -> !id.equals(storeDeployment))
            .map(vertx::undeploy)
            .toList();
    return Future.join(others)
        .eventually(() -> vertx.undeploy(storeDeployment))
        .andThen(done -> LOG.debug("undeployed [count: {}]", others.size() + 1));
  }

  private static void step(String done, Future<?> action, Duration limit) {
    long started = System.nanoTime();
    try {
      action.await(limit.toMillis(), TimeUnit.MILLISECONDS);
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      LOG.info("{} [ms: {}]", done, ms);
    } catch (TimeoutException e) {
      LOG.warn("shutdown step timed out, going on [step: {}, s: {}]", done, limit.toSeconds());
    } catch (RuntimeException e) {
      LOG.warn("shutdown step failed, going on [step: {}]: {}", done, e.getMessage());
    }
  }
}
