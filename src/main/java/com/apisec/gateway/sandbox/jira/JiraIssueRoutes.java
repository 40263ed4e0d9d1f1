package com.apisec.gateway.sandbox.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creating issues, one or in bulk, and reading them back. */
final class JiraIssueRoutes {
  static final int BULK_MAX = 50;

  private final JiraState state;
  private final JiraFlavor flavor;

  JiraIssueRoutes(JiraState state, JiraFlavor flavor) {
    this.state = state;
    this.flavor = flavor;
  }

  void mount(Router router) {
    router.post(flavor.path("/issue/bulk")).handler(this::bulk);
    router.post(flavor.path("/issue")).handler(this::create);
    router.get(flavor.path("/issue/:issueIdOrKey")).handler(this::get);
  }

  /** The outcome of one create: the issue, or Jira's error collection. */
  private record Outcome(JiraIssue issue, JsonObject error) {}

  private void create(RoutingContext ctx) {
    JsonObject body = JiraReplies.jsonObject(ctx);
    if (body == null) {
      return;
    }
    Outcome outcome = createOne(body);
    if (outcome.issue() == null) {
      JiraReplies.json(ctx, 400, outcome.error());
      return;
    }
    JiraReplies.json(ctx, 201, created(outcome.issue(), Links.of(ctx, flavor)));
  }

  private void bulk(RoutingContext ctx) {
    JsonObject body = JiraReplies.jsonObject(ctx);
    if (body == null) {
      return;
    }
    if (!(body.getValue("issueUpdates") instanceof JsonArray updates)) {
      JiraReplies.messages(ctx, 400, "Field 'issueUpdates' is required.");
      return;
    }
    if (updates.size() > BULK_MAX) {
      JiraReplies.messages(ctx, 400, "Bulk create is limited to " + BULK_MAX + " issues.");
      return;
    }

    JsonObject reply = createAll(updates, Links.of(ctx, flavor));
    boolean noneCreated = reply.getJsonArray("issues").isEmpty() && !updates.isEmpty();
    JiraReplies.json(ctx, noneCreated ? 400 : 201, reply);
  }

  /** Jira's bulk answer: the issues created, and an error per element that failed. */
  private JsonObject createAll(JsonArray updates, Links links) {
    JsonArray issues = new JsonArray();
    JsonArray errors = new JsonArray();
    for (int i = 0; i < updates.size(); i++) {
      Object update = updates.getValue(i);
      Outcome outcome =
          update instanceof JsonObject one ? createOne(one) : new Outcome(null, badPayload());
      if (outcome.issue() != null) {
        issues.add(created(outcome.issue(), links));
      } else {
        errors.add(elementError(i, outcome.error()));
      }
    }
    return new JsonObject().put("issues", issues).put("errors", errors);
  }

  private void get(RoutingContext ctx) {
    JiraIssue issue = state.issue(ctx.pathParam("issueIdOrKey")).orElse(null);
    if (issue == null) {
      JiraReplies.noIssue(ctx);
      return;
    }
    List<String> fields = listParam(ctx, "fields");
    boolean all = fields == null || fields.contains("*all") || fields.contains("*navigable");
    JsonObject json =
        issue.toJson(Links.of(ctx, flavor), all ? null : fields, listParam(ctx, "properties"));
    JiraReplies.json(ctx, 200, json);
  }

  private Outcome createOne(JsonObject update) {
    if (!(update.getValue("fields") instanceof JsonObject fields)) {
      return new Outcome(null, badPayload());
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    String propertyError = JiraProperties.read(update.getValue("properties"), properties);
    if (propertyError != null) {
      return new Outcome(null, error(propertyError));
    }

    JiraIssueRules.Verdict verdict = JiraIssueRules.check(fields, state, flavor);
    if (!verdict.valid()) {
      return new Outcome(null, JiraReplies.errorBody(List.of(), verdict.errors()));
    }
    return new Outcome(state.create(verdict.project(), fields, properties), null);
  }

  private static JsonObject created(JiraIssue issue, Links links) {
    return new JsonObject()
        .put("id", issue.id())
        .put("key", issue.key())
        .put("self", links.api("/issue/" + issue.id()));
  }

  private static JsonObject elementError(int index, JsonObject error) {
    return new JsonObject()
        .put("status", 400)
        .put("elementErrors", error)
        .put("failedElementNumber", index);
  }

  private static JsonObject badPayload() {
    return error(JiraReplies.BAD_PAYLOAD);
  }

  private static JsonObject error(String message) {
    return JiraReplies.errorBody(List.of(message), new JsonObject());
  }

  /** A list parameter given comma-separated, repeated, or both; null when absent. */
  static List<String> listParam(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.isEmpty()) {
      return null;
    }
    return values.stream()
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .toList();
  }
}
