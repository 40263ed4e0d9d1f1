package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.outbound.VendorUrl;
import io.vertx.core.json.JsonObject;

/** An issue that exists at Jira, and the browse link the dashboard shows for it. */
record JiraIssue(String key, String projectKey, String url) {
  static JiraIssue of(String baseUrl, String key, String projectKey) {
    return new JiraIssue(key, projectKey, VendorUrl.join(baseUrl, "/browse/" + key));
  }

  /** The project part of an issue key: SCRUM for SCRUM-42. */
  static String projectOf(String key) {
    int dash = key.lastIndexOf('-');
    return dash > 0 ? key.substring(0, dash) : "";
  }

  /** What the ticket ledger keeps for the issue. */
  JsonObject toJson() {
    return new JsonObject().put("key", key).put("projectKey", projectKey).put("url", url);
  }

  static JiraIssue fromJson(JsonObject json) {
    return new JiraIssue(
        json.getString("key"), json.getString("projectKey"), json.getString("url"));
  }
}
