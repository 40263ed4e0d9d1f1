package com.apisec.gateway.sandbox.jira;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** How the stand-in answers: Jira's JSON bodies, its error collection, and its self links. */
final class JiraReplies {
  static final String SANDBOX_HOST = "X-Sandbox-Host";
  static final String DEFAULT_HOST = "example-org.atlassian.net";
  static final String BAD_PAYLOAD =
      "Invalid request payload. Refer to the REST API documentation and try again.";

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?");

  private JiraReplies() {}

  /** The site's base URL, as the caller addressed it, for self links. */
  static String base(RoutingContext ctx) {
    String host = ctx.request().getHeader(SANDBOX_HOST);
    return "https://" + (host != null && HOST.matcher(host).matches() ? host : DEFAULT_HOST);
  }

  static void json(RoutingContext ctx, int status, Object body) {
    String text = body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode();
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json;charset=UTF-8")
        .end(text);
  }

  static JsonObject errorBody(List<String> messages, JsonObject errors) {
    return new JsonObject()
        .put("errorMessages", new JsonArray(List.copyOf(messages)))
        .put("errors", errors);
  }

  static void messages(RoutingContext ctx, int status, String... messages) {
    json(ctx, status, errorBody(List.of(messages), new JsonObject()));
  }

  static void fieldErrors(RoutingContext ctx, JsonObject errors) {
    json(ctx, 400, errorBody(List.of(), errors));
  }

  static void noIssue(RoutingContext ctx) {
    messages(ctx, 404, "Issue does not exist or you do not have permission to see it.");
  }

  static void noProject(RoutingContext ctx, String key) {
    messages(ctx, 404, "No project could be found with key '" + key + "'.");
  }

  static void empty(RoutingContext ctx, int status) {
    ctx.response().setStatusCode(status).end();
  }

  /**
   * The body as a JSON object, or null after answering as Jira does: 415 for another content type,
   * 400 for a body that is not a JSON object.
   */
  static JsonObject jsonObject(RoutingContext ctx) {
    if (!isJson(ctx)) {
      empty(ctx, 415);
      return null;
    }
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body != null) {
        return body;
      }
    } catch (DecodeException | ClassCastException e) {
      // answered below
    }
    messages(ctx, 400, BAD_PAYLOAD);
    return null;
  }

  static boolean isJson(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
  }
}
