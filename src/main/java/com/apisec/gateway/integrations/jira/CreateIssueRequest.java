package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.store.TestingIssueId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The body of {@code createJiraIssue}, checked: {@code projId}, {@code issueType} and {@code
 * jiraMetaData} (the testing issue's id, the dashboard's text, labels and extra fields).
 */
record CreateIssueRequest(
    String projId,
    String issueType,
    TestingIssueId testingIssueId,
    FindingText text,
    List<String> labels,
    JsonObject customFields) {

  static final String META = "jiraMetaData";

  CreateIssueRequest {
    labels = List.copyOf(labels);
    customFields = customFields.copy();
  }

  static CreateIssueRequest from(JsonObject body) {
    BodyFields fields = BodyFields.of(body);
    String projId = JiraKeys.project("projId", fields.required("projId"));
    String issueType = fields.required("issueType");
    if (fields.object(META) == null) {
      throw GatewayException.invalid(META + " is required");
    }
    BodyFields meta = fields.nested(META);
    TestingIssueId id =
        TestingIssueId.from(
            fields.object(META).getValue("testingIssueId"), meta.name("testingIssueId"));
    return new CreateIssueRequest(
        projId,
        issueType,
        id,
        FindingText.from(meta),
        labels(meta, fields.object(META).getValue("labels")),
        CustomFields.from(meta));
  }

  /** A comma list, or a JSON array of strings. */
  static List<String> labels(BodyFields fields, Object value) {
    if (value == null || value instanceof String) {
      return Labels.fromCommaList((String) value);
    }
    if (value instanceof JsonArray array && array.stream().allMatch(v -> v instanceof String)) {
      return Labels.clean(array.stream().map(String.class::cast).toList());
    }
    throw GatewayException.invalid(fields.name("labels") + " must be a comma-separated string");
  }
}
