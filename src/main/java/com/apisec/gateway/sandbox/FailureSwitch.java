package com.apisec.gateway.sandbox;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * How the next calls to a vendor are answered, as set through {@code POST /_control}: after an
 * optional delay, either a failure with the given status, or the stand-in's normal answer. With a
 * {@code path}, only calls whose path starts with it count; the others pass untouched.
 *
 * @param remaining how many more calls this applies to
 * @param status the status to answer with, or 0 to answer normally after the delay
 * @param retryAfter the {@code Retry-After} header value, or null
 * @param body the body to send, or null for the vendor's own error body
 * @param contentType the content type of {@code body}
 * @param delayMs how long to wait before answering
 * @param path the start of the paths (without the vendor prefix) it applies to, or null for all
 */
record FailureSwitch(
    int remaining,
    int status,
    String retryAfter,
    String body,
    String contentType,
    long delayMs,
    String path) {
  static final long MAX_DELAY_MS = 120_000;
  private static final List<String> KEYS =
      List.of("failNext", "status", "retryAfter", "body", "contentType", "delayMs", "path");

  /**
   * The switch a control body asks for: empty when it names none of the switch keys, and a switch
   * with nothing remaining when {@code failNext} is 0 (which clears it).
   */
  static Optional<FailureSwitch> from(JsonObject control) {
    if (KEYS.stream().noneMatch(control::containsKey)) {
      return Optional.empty();
    }
    int status = (int) number(control, "status", 0, 100, 599);
    long delayMs = number(control, "delayMs", 0, 0, MAX_DELAY_MS);
    int failNext = (int) number(control, "failNext", 1, 0, 1_000_000);
    if (failNext > 0 && status == 0 && delayMs == 0) {
      throw new IllegalArgumentException("failNext needs a status or a delayMs");
    }
    String body = text(control, "body");
    String contentType = text(control, "contentType");
    String path = text(control, "path");
    if (path != null && !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /");
    }
    return Optional.of(
        new FailureSwitch(
            failNext,
            status,
            text(control, "retryAfter"),
            body,
            contentType != null ? contentType : "text/plain; charset=UTF-8",
            delayMs,
            path));
  }

  boolean fails() {
    return status > 0;
  }

  /** Whether a call to this path (without the vendor prefix) is answered by the switch. */
  boolean appliesTo(String callPath) {
    return path == null || callPath.startsWith(path);
  }

  FailureSwitch used() {
    return new FailureSwitch(remaining - 1, status, retryAfter, body, contentType, delayMs, path);
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("failNext", remaining)
        .put("status", status)
        .put("retryAfter", retryAfter)
        .put("body", body)
        .put("contentType", body == null ? null : contentType)
        .put("delayMs", delayMs)
        .put("path", path);
  }

  private static long number(JsonObject json, String key, long fallback, long min, long max) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number) || number.doubleValue() != number.longValue()) {
      throw new IllegalArgumentException(key + " must be a whole number");
    }
    if (number.longValue() < min || number.longValue() > max) {
      throw new IllegalArgumentException(key + " must be between " + min + " and " + max);
    }
    return number.longValue();
  }

  private static String text(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Number && key.equals("retryAfter")) {
      return value.toString();
    }
    throw new IllegalArgumentException(key + " must be a string");
  }
}
