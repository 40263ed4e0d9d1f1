package com.apisec.gateway.integrations.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Jira Cloud: REST v3, Basic email:token, descriptions in Atlassian Document Format. */
final class CloudDialect implements JiraDialect {
  static final CloudDialect INSTANCE = new CloudDialect();

  private CloudDialect() {}

  @Override
  public String rest(String resource) {
    return "/rest/api/3" + resource;
  }

  @Override
  public String authorization(JiraCredentials credentials) {
    return "Basic " + credentials.basicValue();
  }

  @Override
  public Object description(TicketContent content) {
    AdfDocument doc = AdfDocument.create().text(content.description());
    if (!content.details().isEmpty()) {
      List<String> items = new ArrayList<>();
      content.details().forEach(detail -> items.add(detail.label() + ": " + detail.value()));
      doc.heading(3, TicketContent.DETAILS_TITLE).bulletList(items);
    }
    return doc.isEmpty() ? null : doc.toJson();
  }

  @Override
  public String searchPath() {
    return rest("/search/jql");
  }

  @Override
  public String issueTypesPath(String projectKey, int startAt) {
    return rest("/issue/createmeta/" + projectKey + "/issuetypes?startAt=" + startAt);
  }

  @Override
  public IssueTypePage issueTypes(JsonObject page) {
    JsonArray items = page.getJsonArray("issueTypes", new JsonArray());
    List<IssueType> types = new ArrayList<>();
    for (Object item : items) {
      if (item instanceof JsonObject json && json.getValue("id") != null) {
        types.add(new IssueType(String.valueOf(json.getValue("id")), json.getString("name", "")));
      }
    }
    int startAt = page.getInteger("startAt", 0);
    int total = page.getInteger("total", 0);
    int next = startAt + items.size();
    return new IssueTypePage(types, items.isEmpty() || next >= total ? -1 : next);
  }
}
