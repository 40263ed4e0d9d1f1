package com.apisec.gateway.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The node's current configuration. Readers take {@link #get()} on each use, so a reload reaches
 * every verticle of the node at once; listeners rebuild what cannot be read per use (token keys).
 */
public final class LiveConfig implements Supplier<GatewayConfig> {
  private final AtomicReference<GatewayConfig> current;
  private final List<Consumer<GatewayConfig>> listeners = new CopyOnWriteArrayList<>();

  public LiveConfig(GatewayConfig initial) {
    this.current = new AtomicReference<>(initial);
  }

  /** A config that never changes, for tools and tests. */
  public static LiveConfig fixed(GatewayConfig config) {
    return new LiveConfig(config);
  }

  @Override
  public GatewayConfig get() {
    return current.get();
  }

  public void onChange(Consumer<GatewayConfig> listener) {
    listeners.add(listener);
  }

  void set(GatewayConfig next) {
    current.set(next);
    listeners.forEach(listener -> listener.accept(next));
  }
}
