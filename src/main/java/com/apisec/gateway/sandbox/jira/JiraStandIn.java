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

  @Override
  public void control(JsonObject settings) {
    if (!settings.containsKey("refuseLabels")) {
      return;
    }
    if (!(settings.getValue("refuseLabels") instanceof JsonArray keys)) {
      throw new IllegalArgumentException("refuseLabels must be an array of project keys");
    }
    Set<String> projects = new LinkedHashSet<>();
    for (Object key : keys) {
      if (!(key instanceof String text) || state.project(text).isEmpty()) {
        throw new IllegalArgumentException("refuseLabels holds an unknown project: " + key);
      }
      projects.add(state.project(text).get().key());
    }
    state.refuseLabels(projects);
  }

  @Override
  public void reset() {
    state.reset();
  }
}
