package com.apisec.gateway.sandbox.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Reads about the site: the caller, projects, issue types, priorities and statuses. */
final class JiraMetaRoutes {
  static final String ACCOUNT_ID = "712020:5a3c9e41-sandbox-user";
  private static final int META_MAX = 200;

  private final JiraState state;

  JiraMetaRoutes(JiraState state) {
    this.state = state;
  }

  void mount(Router router) {
    router.get("/rest/api/3/myself").handler(this::myself);
    router.get("/rest/api/3/issue/createmeta").handler(this::createMeta);
    router.get("/rest/api/3/issue/createmeta/:project/issuetypes").handler(this::issueTypes);
    router.get("/rest/api/3/priority").handler(this::priorities);
    router.get("/rest/api/3/project/:project/statuses").handler(this::statuses);
    router.get("/rest/api/3/project/:project").handler(this::project);
  }

  /** The user Jira reports for the credentials of the call. */
  static JsonObject user(RoutingContext ctx) {
    String base = JiraReplies.base(ctx);
    return new JsonObject()
        .put("self", base + "/rest/api/3/user?accountId=" + ACCOUNT_ID)
        .put("accountId", ACCOUNT_ID)
        .put("accountType", "atlassian")
        .put("emailAddress", ctx.<String>get(JiraAuth.USER_KEY))
        .put("displayName", "Sandbox User")
        .put("active", true)
        .put("timeZone", "UTC")
        .put("locale", "en_US");
  }

  private void myself(RoutingContext ctx) {
    JsonObject body =
        user(ctx)
            .put("groups", new JsonObject().put("size", 1).put("items", new JsonArray()))
            .put("applicationRoles", new JsonObject().put("size", 1).put("items", new JsonArray()));
    JiraReplies.json(ctx, 200, body);
  }

  private void issueTypes(RoutingContext ctx) {
    String key = ctx.pathParam("project");
    JiraProject project = state.project(key).orElse(null);
    if (project == null) {
      JiraReplies.noProject(ctx, key);
      return;
    }
    int startAt = intParam(ctx, "startAt", 0);
    int maxResults = intParam(ctx, "maxResults", 50);
    if (maxResults > META_MAX) {
      JiraReplies.messages(
          ctx, 400, "Parameter 'maxResults' must not exceed the limit '" + META_MAX + "'");
      return;
    }

    List<JiraProject.IssueType> types = project.issueTypes();
    JsonArray page = new JsonArray();
    types.stream()
        .skip(Math.max(0, startAt))
        .limit(Math.max(0, maxResults))
        .forEach(t -> page.add(t.toJson(JiraReplies.base(ctx))));
    JsonObject body =
        new JsonObject()
            .put("issueTypes", page)
            .put("maxResults", maxResults)
            .put("startAt", startAt)
            .put("total", types.size());
    JiraReplies.json(ctx, 200, body);
  }

  private void createMeta(RoutingContext ctx) {
    List<String> keys = JiraIssueRoutes.listParam(ctx, "projectKeys");
    List<String> ids = JiraIssueRoutes.listParam(ctx, "projectIds");
    JsonArray projects = new JsonArray();
    for (JiraProject project : state.projects()) {
      boolean asked =
          keys == null && ids == null
              || keys != null && keys.contains(project.key())
              || ids != null && ids.contains(project.id());
      if (asked) {
        projects.add(withIssueTypes(project, JiraReplies.base(ctx)));
      }
    }
    JiraReplies.json(ctx, 200, new JsonObject().put("projects", projects));
  }

  private static JsonObject withIssueTypes(JiraProject project, String base) {
    JsonArray types = new JsonArray();
    project.issueTypes().forEach(t -> types.add(t.toJson(base)));
    return project.toJson(base).put("issuetypes", types);
  }

  private void priorities(RoutingContext ctx) {
    JiraReplies.json(ctx, 200, JiraPriorities.priorities(JiraReplies.base(ctx)));
  }

  private void statuses(RoutingContext ctx) {
    String key = ctx.pathParam("project");
    state
        .project(key)
        .ifPresentOrElse(
            p ->
                JiraReplies.json(ctx, 200, JiraPriorities.statusesByType(p, JiraReplies.base(ctx))),
            () -> JiraReplies.noProject(ctx, key));
  }

  private void project(RoutingContext ctx) {
    String key = ctx.pathParam("project");
    state
        .project(key)
        .ifPresentOrElse(
            p -> JiraReplies.json(ctx, 200, withIssueTypes(p, JiraReplies.base(ctx))),
            () -> JiraReplies.noProject(ctx, key));
  }

  private static int intParam(RoutingContext ctx, String name, int fallback) {
    try {
      String value = ctx.request().getParam(name);
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
