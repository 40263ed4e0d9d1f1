package com.apisec.gateway.integrations.jira;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs calls with at most a few in flight, so a site with many projects or a bulk request does not
 * open a call per item at once. Every call runs; the result lists each one's outcome, in order.
 */
final class Bounded {
  private Bounded() {}

  static <T> Future<List<Future<T>>> run(List<Supplier<Future<T>>> calls, int limit) {
    List<Future<T>> outcomes = new ArrayList<>(Collections.nCopies(calls.size(), null));
    AtomicInteger next = new AtomicInteger();
    List<Future<Void>> lanes = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, calls.size()); i++) {
      lanes.add(lane(calls, next, outcomes));
    }
    return Future.all(lanes).map(done -> outcomes);
  }

  private static <T> Future<Void> lane(
      List<Supplier<Future<T>>> calls, AtomicInteger next, List<Future<T>> outcomes) {
    Promise<Void> done = Promise.promise();
    step(calls, next, outcomes, done);
    return done.future();
  }

  /**
   * Starts the lane's next calls: one after another while each is already complete (a finding
   * skipped without a call, say), so that many of them in a row do not nest, and from the
   * completion of the first that is still in flight.
   */
  private static <T> void step(
      List<Supplier<Future<T>>> calls,
      AtomicInteger next,
      List<Future<T>> outcomes,
      Promise<Void> done) {
    while (true) {
      int index = next.getAndIncrement();
      if (index >= calls.size()) {
        done.complete();
        return;
      }
      Future<T> call;
      try {
        call = calls.get(index).get();
      } catch (RuntimeException e) {
        call = Future.failedFuture(e);
      }
      outcomes.set(index, call);
      if (!call.isComplete()) {
        call.onComplete(ignored -> step(calls, next, outcomes, done));
        return;
      }
    }
  }
}
