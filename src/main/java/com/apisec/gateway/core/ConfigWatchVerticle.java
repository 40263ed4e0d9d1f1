package com.apisec.gateway.core;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Runs a {@link ConfigWatcher} as a deployment, so that it stops with the other verticles, before
 * Vert.x closes the worker pool its scans read the file on.
 */
final class ConfigWatchVerticle extends VerticleBase {
  private final ConfigWatcher watcher;
  private final long scanPeriodMs;

  ConfigWatchVerticle(ConfigWatcher watcher, long scanPeriodMs) {
    this.watcher = watcher;
    this.scanPeriodMs = scanPeriodMs;
  }

  @Override
  public Future<?> start() {
    watcher.start(scanPeriodMs);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    watcher.stop();
    return Future.succeededFuture();
  }
}
