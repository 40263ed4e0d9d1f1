package com.apisec.gateway.sandbox.jira;

import com.apisec.gateway.sandbox.StandIn;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Jira Cloud (REST v3) under {@code /jira}: projects SCRUM and API with the issue types Bug and
 * Story, issue create (single and bulk) with Jira's field checks and ADF descriptions, entity
 * properties, JQL search, attachments, and the metadata reads the gateway makes.
 *
 * <p>Beyond the sandbox's failure switches, {@code /_control} takes {@code "refuseLabels":
 * ["API"]}: those projects then refuse the {@code labels} field as a screen without it does.
 */
public final class JiraCloudStandIn implements StandIn {
  private final JiraState state = new JiraState();

  @Override
  public String vendor() {
    return "jira";
  }

  @Override
  public void mount(Router router) {
    router.route("/rest/*").handler(JiraAuth.cloud());
    new JiraMetaRoutes(state).mount(router);
    new JiraIssueRoutes(state).mount(router);
    new JiraProperties(state).mount(router);
    new JiraSearchRoutes(state).mount(router);
    new JiraAttachmentRoutes(state).mount(router);
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
