package com.apisec.gateway.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** Turns the MongoDB driver's publishers into Vert.x futures completed on the caller's context. */
final class Publishers {
  private Publishers() {}

  static <T> Future<List<T>> all(Vertx vertx, Publisher<T> publisher) {
    Context context = vertx.getOrCreateContext();
    Promise<List<T>> promise = Promise.promise();
    publisher.subscribe(new Collector<>(context, promise));
    return promise.future();
  }

  static <T> Future<T> first(Vertx vertx, Publisher<T> publisher) {
    return all(vertx, publisher).map(list -> list.isEmpty() ? null : list.get(0));
  }

  private static final class Collector<T> implements Subscriber<T> {
    private final Context context;
    private final Promise<List<T>> promise;
    private final List<T> items = new ArrayList<>();

    Collector(Context context, Promise<List<T>> promise) {
      this.context = context;
      this.promise = promise;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(T item) {
      synchronized (items) {
        items.add(item);
      }
    }

    @Override
    public void onError(Throwable error) {
      context.runOnContext(v -> promise.tryFail(error));
    }

    @Override
    public void onComplete() {
      List<T> copy;
      synchronized (items) {
        copy = List.copyOf(items);
      }
      context.runOnContext(v -> promise.tryComplete(copy));
    }
  }
}
