package com.apisec.gateway.store;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * Identifies a testing issue by its fields, as the dashboard sends it. Lookups match these fields
 * one by one, never the whole embedded id, whose field order varies.
 */
public record TestingIssueId(
    long apiCollectionId, String url, String method, String testSubCategory, String errorSource) {
  private static final List<String> METHODS =
      List.of(
          "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "TRACE", "PATCH", "OTHER", "TRACK",
          "CONNECT", "WS");
  private static final List<String> SOURCES =
      List.of("AUTOMATED_TESTING", "RUNTIME", "TEST_EDITOR");

  /** Reads and checks an id; {@code field} names it in error messages. */
  public static TestingIssueId from(Object raw, String field) {
    if (!(raw instanceof JsonObject json)) {
      throw GatewayException.invalid(field + " must be an object");
    }
    Object key = json.getValue("apiInfoKey");
    if (!(key instanceof JsonObject apiInfoKey)) {
      throw GatewayException.invalid(field + ".apiInfoKey must be an object");
    }
    Object collection = apiInfoKey.getValue("apiCollectionId");
    if (!(collection instanceof Number number)) {
      throw GatewayException.invalid(field + ".apiInfoKey.apiCollectionId must be a number");
    }
    String url = text(apiInfoKey.getValue("url"), field + ".apiInfoKey.url");
    String method = oneOf(apiInfoKey.getValue("method"), METHODS, field + ".apiInfoKey.method");
    String category = text(json.getValue("testSubCategory"), field + ".testSubCategory");
    String source = oneOf(json.getValue("testErrorSource"), SOURCES, field + ".testErrorSource");
    return new TestingIssueId(number.longValue(), url, method, category, source);
  }

  /** The filter on {@code testing_run_issues}: one condition per field. */
  public JsonObject issueFilter() {
    return new JsonObject()
        .put("_id.apiInfoKey.apiCollectionId", apiCollectionId)
        .put("_id.apiInfoKey.url", url)
        .put("_id.apiInfoKey.method", method)
        .put("_id.testSubCategory", testSubCategory)
        .put("_id.testErrorSource", errorSource);
  }

  /** The filter on {@code testing_run_result} for this issue's results. */
  public JsonObject resultFilter() {
    return new JsonObject()
        .put("testSubType", testSubCategory)
        .put("apiInfoKey.apiCollectionId", apiCollectionId)
        .put("apiInfoKey.url", url)
        .put("apiInfoKey.method", method);
  }

  /** A stable subject for one-ticket-per-finding. */
  public String subject() {
    return "finding:"
        + apiCollectionId
        + ":"
        + method
        + ":"
        + url
        + ":"
        + testSubCategory
        + ":"
        + errorSource;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put(
            "apiInfoKey",
            new JsonObject()
                .put("apiCollectionId", apiCollectionId)
                .put("url", url)
                .put("method", method))
        .put("testSubCategory", testSubCategory)
        .put("testErrorSource", errorSource);
  }

  private static String text(Object value, String field) {
    if (!(value instanceof String s) || s.isBlank()) {
      throw GatewayException.invalid(field + " must be a non-empty string");
    }
    return s;
  }

  private static String oneOf(Object value, List<String> allowed, String field) {
    if (!(value instanceof String s) || !allowed.contains(s.toUpperCase(Locale.ROOT))) {
      throw GatewayException.invalid(field + " must be one of " + String.join(", ", allowed));
    }
    return s.toUpperCase(Locale.ROOT);
  }
}
