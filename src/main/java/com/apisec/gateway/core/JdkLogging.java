package com.apisec.gateway.core;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends what libraries log through JDK logging ({@code java.util.logging}, and {@code
 * System.Logger}, which writes to it: Caffeine, Hazelcast before its own setting applies) to SLF4J,
 * so that it reaches logback with the gateway's format, levels and appenders instead of stderr.
 */
public final class JdkLogging {
  private JdkLogging() {}

  /** Replaces the JDK root logger's handlers with the bridge, once per process. */
  public static synchronized void toSlf4j() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }
}
