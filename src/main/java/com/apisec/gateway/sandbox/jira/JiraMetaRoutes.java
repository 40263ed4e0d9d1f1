package com.apisec.gateway.sandbox.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Reads about the site: the caller, projects, priorities and statuses. */
final class JiraMetaRoutes {
  static final String ACCOUNT_ID = "712020:5a3c9e41-sandbox-user";

  private final JiraState state;
  private final JiraFlavor flavor;

  JiraMetaRoutes(JiraState state, JiraFlavor flavor) {
    this.state = state;
    this.flavor = flavor;
  }

  void mount(Router router) {
    router.get(flavor.path("/myself")).handler(this::myself);
    if (flavor.cloud()) {
      // Data Center 9 removed the site-wide create-meta; Cloud still answers it.
      router.get(flavor.path("/issue/createmeta")).handler(this::createMeta);
    }
    router.get(flavor.path("/priority")).handler(this::priorities);
    router.get(flavor.path("/project/:project/statuses")).handler(this::statuses);
    router.get(flavor.path("/project/:project")).handler(this::project);
  }

  /** The user Jira reports for the credentials of the call. */
  static JsonObject user(RoutingContext ctx, JiraFlavor flavor) {
    Links links = Links.of(ctx, flavor);
    String who = ctx.get(JiraAuth.USER_KEY);
    JsonObject user =
        new JsonObject()
            .put("emailAddress", who)
            .put("displayName", "Sandbox User")
            .put("active", true)
            .put("timeZone", "UTC");
    if (flavor.cloud()) {
      return user.put("self", links.api("/user?accountId=" + ACCOUNT_ID))
          .put("accountId", ACCOUNT_ID)
          .put("accountType", "atlassian")
          .put("locale", "en_US");
    }
    return user.put("self", links.api("/user?username=" + who)).put("name", who).put("key", who);
  }

  private void myself(RoutingContext ctx) {
    JsonObject body =
        user(ctx, flavor)
            .put("groups", new JsonObject().put("size", 1).put("items", new JsonArray()))
            .put("applicationRoles", new JsonObject().put("size", 1).put("items", new JsonArray()));
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
        projects.add(withIssueTypes(project, Links.of(ctx, flavor)));
      }
    }
    JiraReplies.json(ctx, 200, new JsonObject().put("projects", projects));
  }

  private static JsonObject withIssueTypes(JiraProject project, Links links) {
    JsonArray types = new JsonArray();
    project.issueTypes().forEach(t -> types.add(t.toJson(links)));
    return project.toJson(links).put("issuetypes", types);
  }

  private void priorities(RoutingContext ctx) {
    JiraReplies.json(ctx, 200, JiraPriorities.priorities(Links.of(ctx, flavor)));
  }

  private void statuses(RoutingContext ctx) {
    String key = ctx.pathParam("project");
    state
        .project(key)
        .ifPresentOrElse(
            p ->
                JiraReplies.json(ctx, 200, JiraPriorities.statusesByType(p, Links.of(ctx, flavor))),
            () -> JiraReplies.noProject(ctx, key));
  }

  private void project(RoutingContext ctx) {
    String key = ctx.pathParam("project");
    state
        .project(key)
        .ifPresentOrElse(
            p -> JiraReplies.json(ctx, 200, withIssueTypes(p, Links.of(ctx, flavor))),
            () -> JiraReplies.noProject(ctx, key));
  }
}
