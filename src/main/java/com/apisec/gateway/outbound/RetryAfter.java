package com.apisec.gateway.outbound;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header: delay seconds or an HTTP date. */
public final class RetryAfter {
  private RetryAfter() {}

  /** Seconds to wait, or null when the header is absent or unreadable. */
  public static Long seconds(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.trim();
    if (value.matches("\\d{1,9}")) {
      return Long.parseLong(value);
    }
    try {
      ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      return Math.max(0, Duration.between(ZonedDateTime.now(), when).toSeconds());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
