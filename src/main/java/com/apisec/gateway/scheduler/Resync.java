package com.apisec.gateway.scheduler;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads every job's schedule a batch at a time, by the ids the accounts' directories list. Each
 * query is a lookup of a few hundred ids, so none holds the embedded store's collection lock for
 * long: claims of other nodes go on between the batches, where one scan of every job would stall
 * them for seconds.
 */
final class Resync {
  private static final int BATCH = 200;

  private final JobStore store;

  Resync(JobStore store) {
    this.store = store;
  }

  /** Hands every job's schedule to {@code each}; completes with the number of ids listed. */
  Future<Integer> run(Consumer<JobView> each) {
    return store.directoryIds().compose(ids -> batches(ids, 0, each).map(ids.size()));
  }

  private Future<Void> batches(List<String> ids, int from, Consumer<JobView> each) {
    if (from >= ids.size()) {
      return Future.succeededFuture();
    }
    List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
    return store
        .views(batch)
        .compose(
            views -> {
              views.forEach(each);
              return batches(ids, from + BATCH, each);
            });
  }
}
