package com.apisec.gateway.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection on which no request head completes within the idle limit, counted from the
 * moment the connection opens and again from the end of each answer. So a head that never ends is
 * bounded even when it trickles in a byte at a time, and so is a keep-alive connection left idle. A
 * request being answered is never cut: a socket idle timeout would close the connection while a
 * vendor call takes its time, since nothing crosses it meanwhile.
 */
final class IdleConnections {
  private static final Logger LOG = LoggerFactory.getLogger(IdleConnections.class);

  private final Vertx vertx;
  private final LongSupplier limitMs;
  private final Map<HttpConnection, Watch> watches = new ConcurrentHashMap<>();

  /** {@code limitMs} is read each time a clock starts, so a reloaded limit applies from then on. */
  IdleConnections(Vertx vertx, LongSupplier limitMs) {
    this.vertx = vertx;
    this.limitMs = limitMs;
  }

  /** For the server's connection handler: the clock starts. */
  void opened(HttpConnection connection) {
    Watch watch = new Watch(connection);
    watches.put(connection, watch);
    connection.closeHandler(closed -> watches.remove(connection).close());
    watch.start();
  }

  /** The first route: a head has arrived, and the clock waits for the answer to end. */
  void requestArrived(RoutingContext ctx) {
    Watch watch = watches.get(ctx.request().connection());
    if (watch != null) {
      watch.busy();
      ctx.addEndHandler(ended -> watch.answered());
    }
    ctx.next();
  }

  /** One connection's clock; touched only on the connection's event loop. */
  private final class Watch {
    private final HttpConnection connection;
    private int answering;
    private long timer = -1;
    private boolean closed;

    Watch(HttpConnection connection) {
      this.connection = connection;
    }

    void start() {
      long ms = limitMs.getAsLong();
      timer = vertx.setTimer(ms, t -> expired(ms));
    }

    void busy() {
      answering++;
      cancel();
    }

    void answered() {
      answering--;
      if (answering == 0 && !closed) {
        start();
      }
    }

    void close() {
      closed = true;
      cancel();
    }

    private void cancel() {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
    }

    private void expired(long ms) {
      timer = -1;
      LOG.debug(
          "connection closed, no request within the idle limit [ms: {}, remote: {}]",
          ms,
          connection.remoteAddress());
      connection.close();
    }
  }
}
