package com.apisec.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.bridge.SLF4JBridgeHandler;

class JdkLoggingTest {
  private static final String LIBRARY = "com.example.library.Cache";

  @AfterEach
  void restoreJdkLogging() throws IOException {
    SLF4JBridgeHandler.uninstall();
    LogManager.getLogManager().readConfiguration();
  }

  @Test
  void toSlf4j_systemLoggerWarning_reachesLogbackOnly() {
    JdkLogging.toSlf4j();
    JdkLogging.toSlf4j();

    try (LogCapture logs = new LogCapture()) {
      System.getLogger(LIBRARY).log(System.Logger.Level.WARNING, "load failed [key: a]");
      System.getLogger(LIBRARY).log(System.Logger.Level.DEBUG, "not shown at INFO");

      assertEquals(1, logs.count(LIBRARY, "WARN"), logs.text());
      assertEquals(0, logs.count(LIBRARY, "DEBUG"), logs.text());
    }
    List<String> handlers =
        Arrays.stream(Logger.getLogger("").getHandlers())
            .map(Handler::getClass)
            .map(Class::getSimpleName)
            .toList();
    assertEquals(List.of("SLF4JBridgeHandler"), handlers);
  }
}
