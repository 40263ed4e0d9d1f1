package com.apisec.gateway.sandbox.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Create-meta, per project: the issue types one may create, and the fields on each type's create
 * screen. Cloud pages them as {@code issueTypes} or {@code fields} with {@code total}; Data Center
 * as {@code values} with {@code isLast}.
 */
final class JiraCreateMetaRoutes {
  private static final int META_MAX = 200;

  private final JiraState state;
  private final JiraFlavor flavor;

  JiraCreateMetaRoutes(JiraState state, JiraFlavor flavor) {
    this.state = state;
    this.flavor = flavor;
  }

  void mount(Router router) {
    String types = "/issue/createmeta/:project/issuetypes";
    router.get(flavor.path(types)).handler(this::issueTypes);
    router.get(flavor.path(types + "/:issueTypeId")).handler(this::fields);
  }

  private void issueTypes(RoutingContext ctx) {
    JiraProject project = project(ctx);
    if (project == null) {
      return;
    }
    JsonArray all = new JsonArray();
    project.issueTypes().forEach(t -> all.add(t.toJson(Links.of(ctx, flavor))));
    page(ctx, all, "issueTypes");
  }

  private void fields(RoutingContext ctx) {
    JiraProject project = project(ctx);
    if (project == null) {
      return;
    }
    String typeId = ctx.pathParam("issueTypeId");
    if (project.issueType(typeId).isEmpty()) {
      JiraReplies.messages(ctx, 404, "The issue type with id '" + typeId + "' does not exist.");
      return;
    }
    page(ctx, JiraFields.meta(Links.of(ctx, flavor)), "fields");
  }

  private JiraProject project(RoutingContext ctx) {
    String key = ctx.pathParam("project");
    JiraProject project = state.project(key).orElse(null);
    if (project == null) {
      JiraReplies.noProject(ctx, key);
    }
    return project;
  }

  private void page(RoutingContext ctx, JsonArray all, String cloudKey) {
    int startAt = Math.max(0, intParam(ctx, "startAt", 0));
    int maxResults = Math.max(0, intParam(ctx, "maxResults", 50));
    if (maxResults > META_MAX) {
      JiraReplies.messages(
          ctx, 400, "Parameter 'maxResults' must not exceed the limit '" + META_MAX + "'");
      return;
    }
    List<Object> items = all.getList();
    int end = Math.min(items.size(), startAt + maxResults);
    JsonArray page = new JsonArray(items.subList(Math.min(startAt, end), end));
    JsonObject body =
        new JsonObject()
            .put(flavor.cloud() ? cloudKey : "values", page)
            .put("maxResults", maxResults)
            .put("startAt", startAt)
            .put("total", items.size());
    if (!flavor.cloud()) {
      body.put("isLast", end >= items.size());
    }
    JiraReplies.json(ctx, 200, body);
  }

  static int intParam(RoutingContext ctx, String name, int fallback) {
    try {
      String value = ctx.request().getParam(name);
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
