package com.apisec.gateway.integrations.jira;

import io.vertx.core.json.JsonObject;

/** One issue type of a project, stored as the dashboard reads it: {@code issueId, issueType}. */
record IssueType(String issueId, String issueType) {
  JsonObject toJson() {
    return new JsonObject().put("issueId", issueId).put("issueType", issueType);
  }

  static IssueType fromJson(JsonObject json) {
    return new IssueType(json.getString("issueId", ""), json.getString("issueType", ""));
  }
}
