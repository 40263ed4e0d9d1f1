package com.apisec.gateway.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A small HTTP load generator on loopback: closed loop (fixed concurrency, as fast as answers come)
 * or open loop (a fixed request rate, latency measured from the intended send time, so a stall is
 * not hidden). Runs bounded in time and stops by itself.
 */
final class LoadGenerator {
  /** What one run measured. */
  record Result(long requests, long errors, double seconds, Histogram latencyMicros) {
    double throughput() {
      return requests / seconds;
    }

    double p50Ms() {
      return latencyMicros.getValueAtPercentile(50) / 1000.0;
    }

    double p99Ms() {
      return latencyMicros.getValueAtPercentile(99) / 1000.0;
    }
  }

  private final Vertx vertx;
  private final HttpClient client;

  LoadGenerator(Vertx vertx) {
    this.vertx = vertx;
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), poolOf(64));
  }

  private static io.vertx.core.http.PoolOptions poolOf(int size) {
    return new io.vertx.core.http.PoolOptions().setHttp1MaxSize(size);
  }

  Result closedLoop(int port, String path, String token, Buffer body, int concurrency, long ms) {
    Histogram histogram = new Histogram(60_000_000L, 3);
    AtomicLong errors = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    long started = System.nanoTime();
    Promise<Void> done = Promise.promise();
    AtomicLong active = new AtomicLong(concurrency);
    for (int i = 0; i < concurrency; i++) {
      loop(port, path, token, body, end, histogram, errors, active, done);
    }
    done.future().await();
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Result(histogram.getTotalCount(), errors.get(), seconds, histogram);
  }

  private void loop(
      int port,
      String path,
      String token,
      Buffer body,
      long end,
      Histogram histogram,
      AtomicLong errors,
      AtomicLong active,
      Promise<Void> done) {
    if (System.nanoTime() >= end) {
      if (active.decrementAndGet() == 0) {
        done.tryComplete();
      }
      return;
    }
    long sent = System.nanoTime();
    call(port, path, token, body)
        .onComplete(
            result -> {
              record(histogram, errors, sent, result);
              loop(port, path, token, body, end, histogram, errors, active, done);
            });
  }

  Result openLoop(int port, String path, String token, Buffer body, double perSecond, long ms) {
    Histogram histogram = new Histogram(60_000_000L, 3);
    AtomicLong errors = new AtomicLong();
    long total = (long) (perSecond * ms / 1000.0);
    long intervalNanos = (long) (1e9 / perSecond);
    long started = System.nanoTime();
    AtomicLong finished = new AtomicLong();
    Promise<Void> done = Promise.promise();
    for (long i = 0; i < total; i++) {
      long intended = started + i * intervalNanos;
      long delayMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(intended - System.nanoTime()));
      vertx.setTimer(
          delayMs,
          t ->
              call(port, path, token, body)
                  .onComplete(
                      result -> {
                        record(histogram, errors, intended, result);
                        if (finished.incrementAndGet() == total) {
                          done.tryComplete();
                        }
                      }));
    }
    done.future().await();
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Result(histogram.getTotalCount(), errors.get(), seconds, histogram);
  }

  private static void record(
      Histogram histogram, AtomicLong errors, long from, io.vertx.core.AsyncResult<Integer> r) {
    long micros = TimeUnit.NANOSECONDS.toMicros(Math.max(0, System.nanoTime() - from));
    histogram.recordValue(Math.min(micros, 59_000_000L));
    if (r.failed() || r.result() != 200) {
      errors.incrementAndGet();
    }
  }

  private Future<Integer> call(int port, String path, String token, Buffer body) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI(path)
            .putHeader("Content-Type", "application/json")
            .putHeader("Authorization", "Bearer " + token);
    return client
        .request(options)
        .compose(request -> request.send(body))
        .compose(response -> response.body().map(b -> response.statusCode()));
  }
}
