package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code job_runs} small. Once a slot is recorded, the run key of the slot before it is
 * removed (in batches by id), so there are about two keys per job. A key that is left behind (its
 * node died between recording a run and removing the key) expires at its {@code expiresAt}: on
 * MongoDB a TTL index removes it; on the embedded store, which ignores TTL indexes, every node
 * sweeps expired keys every {@code runKeySweepSeconds}, a bounded number at a time. Sweeps of
 * several nodes may overlap: they find the same keys, and removing a key twice removes nothing.
 */
final class RunKeyJanitor {
  /** The most keys one sweep removes; the rest wait for the next sweep. */
  static final int SWEEP_LIMIT = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(RunKeyJanitor.class);
  private static final int BATCH = 200;
  private static final int SWEEP_BATCH = 1_000;
  private static final long FLUSH_MS = 5_000;

  private final Vertx vertx;
  private final JobStore store;
  private final Supplier<GatewayConfig.Scheduler> settings;
  private final boolean sweeps;
  private List<String> pending = new ArrayList<>();
  private long timer = -1;
  private long sweepTimer = -1;
  private boolean stopped;

  /** {@code sweeps}: the store has no TTL index (the embedded store), so this node sweeps. */
  RunKeyJanitor(
      Vertx vertx, JobStore store, Supplier<GatewayConfig.Scheduler> settings, boolean sweeps) {
    this.vertx = vertx;
    this.store = store;
    this.settings = settings;
    this.sweeps = sweeps;
  }

  void start() {
    timer = vertx.setPeriodic(FLUSH_MS, t -> flush());
    if (sweeps) {
      long period = sweepMs();
      armSweep(1 + ThreadLocalRandom.current().nextLong(period));
    }
  }

  Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    vertx.cancelTimer(sweepTimer);
    return flush();
  }

  void drop(String runKey) {
    pending.add(runKey);
    if (pending.size() >= BATCH) {
      flush();
    }
  }

  /** Removes up to {@code limit} run keys that expired before {@code now}; how many it removed. */
  Future<Integer> sweep(long now, int limit) {
    return sweepFrom(now, limit, 0);
  }

  private Future<Integer> sweepFrom(long now, int limit, int removed) {
    int batch = Math.min(SWEEP_BATCH, limit - removed);
    if (batch <= 0) {
      return Future.succeededFuture(removed);
    }
    return store
        .expiredRunKeys(now, batch)
        .compose(
            ids -> {
              if (ids.isEmpty()) {
                return Future.succeededFuture(removed);
              }
              Future<Void> deleted = store.deleteRunKeys(ids);
              return ids.size() < batch
                  ? deleted.map(removed + ids.size())
                  : deleted.compose(v -> sweepFrom(now, limit, removed + ids.size()));
            });
  }

  /** The first sweep comes at a random point of the period, so nodes do not sweep together. */
  private void armSweep(long delay) {
    if (stopped) {
      return;
    }
    sweepTimer =
        vertx.setTimer(
            delay,
            t ->
                sweep(System.currentTimeMillis(), SWEEP_LIMIT)
                    .onSuccess(n -> LOG.debug("expired run keys removed [count: {}]", n))
                    .onFailure(e -> LOG.warn("expired run keys not removed: {}", e.getMessage()))
                    .onComplete(done -> armSweep(sweepMs())));
  }

  private long sweepMs() {
    return settings.get().runKeySweepSeconds() * 1000;
  }

  private Future<Void> flush() {
    if (pending.isEmpty()) {
      return Future.succeededFuture();
    }
    List<String> batch = pending;
    pending = new ArrayList<>();
    return store
        .deleteRunKeys(batch)
        .recover(
            e -> {
              LOG.warn("run keys not removed [count: {}]: {}", batch.size(), e.getMessage());
              return Future.succeededFuture();
            });
  }
}
