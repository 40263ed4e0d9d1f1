package com.apisec.gateway.core;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures every log event of the process while open, for assertions on log content. */
public final class LogCapture implements AutoCloseable {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

  public LogCapture() {
    appender.start();
    root.addAppender(appender);
  }

  public List<ILoggingEvent> events() {
    return List.copyOf(appender.list);
  }

  /** Every event as one text: level, logger, formatted message and any exception text. */
  public String text() {
    StringBuilder out = new StringBuilder();
    for (ILoggingEvent event : events()) {
      out.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ');
      out.append(event.getFormattedMessage()).append('\n');
      if (event.getThrowableProxy() != null) {
        out.append(event.getThrowableProxy().getClassName()).append(": ");
        out.append(event.getThrowableProxy().getMessage()).append('\n');
      }
    }
    return out.toString();
  }

  public long count(String loggerSuffix, String level) {
    return events().stream()
        .filter(e -> e.getLoggerName().endsWith(loggerSuffix))
        .filter(e -> e.getLevel().toString().equals(level))
        .count();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
