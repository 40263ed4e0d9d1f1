package com.apisec.gateway.integrations.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * An issue to create, before the dialect writes it. {@code extraFields} holds fields set as given
 * (a finding's custom fields and its mapped priority); {@code marker} is null without a subject.
 */
record IssueDraft(
    String projectKey,
    String issueTypeId,
    String summary,
    Description description,
    List<String> labels,
    JsonObject extraFields,
    TicketMarker marker) {
  IssueDraft {
    labels = List.copyOf(labels);
    extraFields = extraFields == null ? new JsonObject() : extraFields.copy();
  }

  IssueDraft withoutLabels() {
    return new IssueDraft(
        projectKey, issueTypeId, summary, description, List.of(), extraFields, marker);
  }

  IssueDraft withDescription(Description shorter) {
    return new IssueDraft(projectKey, issueTypeId, summary, shorter, labels, extraFields, marker);
  }

  /** The create body ({@code fields} and the marker property) in the deployment's format. */
  JsonObject toJson(JiraDialect dialect) {
    JsonObject fields = extraFields.copy();
    fields
        .put("summary", summary)
        .put("project", new JsonObject().put("key", projectKey))
        .put("issuetype", new JsonObject().put("id", issueTypeId));
    Object written = dialect.description(description);
    if (written != null) {
      fields.put("description", written);
    }
    if (!labels.isEmpty()) {
      fields.put("labels", new JsonArray(labels));
    }
    JsonObject body = new JsonObject().put("fields", fields);
    if (marker != null) {
      body.put("properties", new JsonArray().add(marker.property(dialect)));
    }
    return body;
  }
}
