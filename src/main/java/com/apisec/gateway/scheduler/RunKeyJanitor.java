package com.apisec.gateway.scheduler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the run keys of slots that are two runs old, in batches by id, so {@code job_runs} holds
 * about two keys per job instead of one per slot ever run.
 */
// TODO(#5): a node that dies between recording a run and removing the previous run key leaves
// that key behind; sweep keys older than a day (on MongoDB, a TTL index would do).
final class RunKeyJanitor {
  private static final Logger LOG = LoggerFactory.getLogger(RunKeyJanitor.class);
  private static final int BATCH = 200;
  private static final long FLUSH_MS = 5_000;

  private final Vertx vertx;
  private final JobStore store;
  private List<String> pending = new ArrayList<>();
  private long timer = -1;

  RunKeyJanitor(Vertx vertx, JobStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  void start() {
    timer = vertx.setPeriodic(FLUSH_MS, t -> flush());
  }

  Future<Void> stop() {
    vertx.cancelTimer(timer);
    return flush();
  }

  void drop(String runKey) {
    pending.add(runKey);
    if (pending.size() >= BATCH) {
      flush();
    }
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
