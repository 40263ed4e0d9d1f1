package com.apisec.gateway.sandbox.jira;

import com.apisec.gateway.sandbox.StandIn;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What both Jira stand-ins share: the site's state and routes, written in their flavor. */
abstract class JiraStandIn implements StandIn {
  private final JiraFlavor flavor;
  private final JiraState state = new JiraState();

  JiraStandIn(JiraFlavor flavor) {
    this.flavor = flavor;
  }

  @Override
  public String vendor() {
    return flavor.vendor();
  }

  @Override
  public void mount(Router router) {
    router.route("/rest/*").handler(flavor.auth());
    new JiraMetaRoutes(state, flavor).mount(router);
    new JiraCreateMetaRoutes(state, flavor).mount(router);
    new JiraFieldListRoutes(flavor).mount(router);
    new JiraIssueRoutes(state, flavor).mount(router);
    new JiraProperties(state, flavor).mount(router);
    new JiraSearchRoutes(state, flavor).mount(router);
    new JiraAttachmentRoutes(state, flavor).mount(router);
  }

  @Override
  public ErrorBody errorBody(int status, List<String> messages) {
    JsonObject body = JiraReplies.errorBody(messages, new JsonObject());
    return new ErrorBody("application/json;charset=UTF-8", body.encode());
  }

  /**
   * {@code refuseLabels}: project keys whose screens refuse labels. {@code refuseSummaries}: texts
   * that make a workflow validator refuse any new issue whose summary holds one. Both checked
   * before either is applied; {@code []} clears one.
   */
  @Override
  public void control(JsonObject settings) {
    Set<String> projects = settings.containsKey("refuseLabels") ? projects(settings) : null;
    Set<String> summaries =
        settings.containsKey("refuseSummaries") ? texts(settings, "refuseSummaries") : null;
    if (projects != null) {
      state.refuseLabels(projects);
    }
    if (summaries != null) {
      state.refuseSummaries(summaries);
    }
  }

  private Set<String> projects(JsonObject settings) {
    Set<String> projects = new LinkedHashSet<>();
    for (String key : texts(settings, "refuseLabels")) {
      if (state.project(key).isEmpty()) {
        throw new IllegalArgumentException("refuseLabels holds an unknown project: " + key);
      }
      projects.add(state.project(key).get().key());
    }
    return projects;
  }

  private static Set<String> texts(JsonObject settings, String key) {
    if (!(settings.getValue(key) instanceof JsonArray list)
        || !list.stream().allMatch(v -> v instanceof String s && !s.isEmpty())) {
      throw new IllegalArgumentException(key + " must be an array of non-empty strings");
    }
    Set<String> out = new LinkedHashSet<>();
    list.forEach(v -> out.add((String) v));
    return out;
  }

  @Override
  public void reset() {
    state.reset();
  }
}
