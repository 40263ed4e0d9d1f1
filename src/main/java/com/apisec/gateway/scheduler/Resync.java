package com.apisec.gateway.scheduler;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads jobs' schedules for a node's index. At start it reads every job. After that, each pass
 * reads only the jobs changed since the previous pass (by {@code updatedAt}, which every scheduling
 * write stamps, reading again a margin before it for writers whose clocks are behind) and the jobs
 * due before the next pass, in pages of {@value #PAGE}, at most {@value #PAGES} pages a pass; a
 * pass cut short goes on where it stopped. What is read is handed over a thousand at a time, each
 * chunk a task of its own on the event loop, so that timers and claims run between chunks.
 */
final class Resync {
  static final int PAGE = 5_000;
  static final int PAGES = 4;
  private static final int CHUNK = 1_000;

  private final Vertx vertx;
  private final JobStore store;
  private final int pageSize;
  private final int pages;
  private long since;
  private long passFrom;
  private long dueBy;
  private JsonObject after;

  Resync(Vertx vertx, JobStore store) {
    this(vertx, store, PAGE, PAGES);
  }

  /** With another page size and bound: tests. */
  Resync(Vertx vertx, JobStore store, int pageSize, int pages) {
    this.vertx = vertx;
    this.store = store;
    this.pageSize = pageSize;
    this.pages = pages;
  }

  /**
   * Hands every job's schedule to {@code each}; completes with the number of jobs. Later passes
   * read what changed from {@code overlapMs} before this read on.
   */
  Future<Integer> run(Consumer<JobView> each, long overlapMs) {
    long started = System.currentTimeMillis();
    return store
        .scan()
        .compose(views -> chunks(views, each).map(views.size()))
        .onSuccess(n -> since = started - overlapMs);
  }

  /** What one incremental pass read, and whether it was cut short with more to read. */
  record Pass(int read, boolean more) {}

  /**
   * One incremental pass: the jobs changed since the last complete pass (less {@code overlapMs})
   * and those due before {@code now + aheadMs}. A failed page leaves the pass to start over.
   */
  Future<Pass> pass(Consumer<JobView> each, long now, long aheadMs, long overlapMs) {
    if (after == null) {
      passFrom = now;
      dueBy = now + aheadMs;
    }
    return page(each, 0, 0)
        .onSuccess(
            pass -> {
              if (!pass.more()) {
                since = passFrom - overlapMs;
              }
            })
        .onFailure(e -> after = null);
  }

  private Future<Pass> page(Consumer<JobView> each, int done, int read) {
    if (done >= pages) {
      return Future.succeededFuture(new Pass(read, true));
    }
    return store
        .changedOrDue(since, dueBy, after, pageSize)
        .compose(
            docs -> {
              List<JobView> views = docs.stream().map(JobView::fromDoc).toList();
              Future<Void> applied = chunks(views, each);
              if (docs.size() < pageSize) {
                after = null;
                return applied.map(new Pass(read + docs.size(), false));
              }
              after = docs.get(docs.size() - 1);
              return applied.compose(v -> page(each, done + 1, read + docs.size()));
            });
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
