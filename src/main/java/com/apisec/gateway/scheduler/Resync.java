package com.apisec.gateway.scheduler;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads every job's schedule and hands it over a thousand at a time, each chunk a task of its own
 * on the event loop, so that timers and claims run between chunks instead of waiting for 100,000
 * updates of the index. (Reading by ids in batches instead would spare the embedded store's lock,
 * but costs it about 25 times the CPU of one scan.)
 */
final class Resync {
  private static final int CHUNK = 1_000;

  private final Vertx vertx;
  private final JobStore store;

  Resync(Vertx vertx, JobStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  /** Hands every job's schedule to {@code each}; completes with the number of jobs. */
  Future<Integer> run(Consumer<JobView> each) {
    return store.scan().compose(views -> chunks(views, each).map(views.size()));
  }

  private Future<Void> chunks(List<JobView> views, Consumer<JobView> each) {
    Promise<Void> done = Promise.promise();
    next(views, 0, each, done);
    return done.future();
  }

  private void next(List<JobView> views, int from, Consumer<JobView> each, Promise<Void> done) {
    if (from >= views.size()) {
      done.complete();
      return;
    }
    views.subList(from, Math.min(views.size(), from + CHUNK)).forEach(each);
    vertx.runOnContext(v -> next(views, from + CHUNK, each, done));
  }
}
