package com.apisec.gateway.sandbox.jira;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Issue entity properties: set when the issue is created or one by one, and read back. The gateway
 * marks each ticket with one, to find it again after a create whose outcome it could not see.
 */
final class JiraProperties {
  static final int KEY_MAX = 255;
  static final int VALUE_MAX_BYTES = 32_768;

  private final JiraState state;
  private final JiraFlavor flavor;

  JiraProperties(JiraState state, JiraFlavor flavor) {
    this.state = state;
    this.flavor = flavor;
  }

  void mount(Router router) {
    String path = flavor.path("/issue/:issueIdOrKey/properties/:propertyKey");
    router.get(path).handler(this::get);
    router.put(path).handler(this::put);
  }

  /** Reads the {@code properties} of a create into {@code out}; returns an error, or null. */
  static String read(Object value, Map<String, Object> out) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray list)) {
      return JiraReplies.BAD_PAYLOAD;
    }
    for (Object item : list) {
      if (!(item instanceof JsonObject property)
          || !(property.getValue("key") instanceof String key)
          || key.isEmpty()
          || key.length() > KEY_MAX) {
        return "The property key must be a non-empty string of at most 255 characters.";
      }
      Object stored = property.getValue("value");
      if (stored == null || Json.encode(stored).length() > VALUE_MAX_BYTES) {
        return "The value of property '" + key + "' must be non-empty JSON of at most 32768 bytes.";
      }
      out.put(key, stored);
    }
    return null;
  }

  private void get(RoutingContext ctx) {
    JiraIssue issue = state.issue(ctx.pathParam("issueIdOrKey")).orElse(null);
    if (issue == null) {
      JiraReplies.noIssue(ctx);
      return;
    }
    String key = ctx.pathParam("propertyKey");
    if (!issue.properties().containsKey(key)) {
      JiraReplies.messages(ctx, 404, "The property with key '" + key + "' does not exist.");
      return;
    }
    JsonObject body = new JsonObject().put("key", key).put("value", issue.properties().get(key));
    JiraReplies.json(ctx, 200, body);
  }

  private void put(RoutingContext ctx) {
    JiraIssue issue = state.issue(ctx.pathParam("issueIdOrKey")).orElse(null);
    if (issue == null) {
      JiraReplies.noIssue(ctx);
      return;
    }
    if (!JiraReplies.isJson(ctx)) {
      JiraReplies.empty(ctx, 415);
      return;
    }
    Object value = value(ctx.body().buffer());
    if (value == null) {
      JiraReplies.messages(
          ctx, 400, "The property value must be non-empty JSON of at most 32768 bytes.");
      return;
    }
    String key = ctx.pathParam("propertyKey");
    boolean existed = issue.properties().put(key, value) != null;
    JiraReplies.empty(ctx, existed ? 200 : 201);
  }

  private static Object value(Buffer buffer) {
    if (buffer == null || buffer.length() == 0 || buffer.length() > VALUE_MAX_BYTES) {
      return null;
    }
    try {
      return Json.decodeValue(buffer);
    } catch (DecodeException e) {
      return null;
    }
  }
}
