package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.store.TestingIssueId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** What became of one testing issue of a bulk request. */
record BulkResult(
    TestingIssueId id, Status status, JiraIssue issue, String message, List<String> warnings) {

  /** Created now, found (it had a ticket already), or not created. */
  enum Status {
    CREATED,
    EXISTING,
    FAILED
  }

  BulkResult {
    warnings = List.copyOf(warnings);
  }

  static BulkResult created(TestingIssueId id, JiraIssue issue, List<String> warnings) {
    return new BulkResult(id, Status.CREATED, issue, null, warnings);
  }

  static BulkResult existing(TestingIssueId id, JiraIssue issue, String message) {
    return new BulkResult(id, Status.EXISTING, issue, message, List.of());
  }

  static BulkResult failed(TestingIssueId id, String message) {
    return new BulkResult(id, Status.FAILED, null, message, List.of());
  }

  JsonObject toJson() {
    JsonObject out = new JsonObject().put("testingIssueId", id.toJson()).put("status", status);
    if (issue != null) {
      out.put("jiraTicketKey", issue.key()).put("jiraTicketUrl", issue.url());
    }
    if (message != null) {
      out.put("message", message);
    }
    if (!warnings.isEmpty()) {
      out.put("warnings", new JsonArray(warnings));
    }
    return out;
  }
}
