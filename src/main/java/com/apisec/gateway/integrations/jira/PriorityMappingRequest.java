package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.json.JsonObject;

/**
 * The body of {@code jira/savePriorityFieldMapping}, in either form: the seed's {@code {projId,
 * priorityMap: {"HIGH": "1"}}} (the priority field) or the reference's {@code {projectKey,
 * priorityFieldMapping: {fieldId, fieldType, severityToValueMap, ...}}}. {@code paths} name the
 * mapping's fields as the caller wrote them, for messages.
 */
record PriorityMappingRequest(
    String projectKey, JsonObject mapping, PriorityFieldCheck.Paths paths) {

  static PriorityMappingRequest from(JsonObject body) {
    BodyFields fields = BodyFields.of(body);
    String project = project(fields);
    if (fields.object(ProjectMappingInput.PRIORITY) != null) {
      BodyFields nested = fields.nested(ProjectMappingInput.PRIORITY);
      return new PriorityMappingRequest(
          project,
          ProjectMappingInput.priorityMapping(nested),
          PriorityFieldCheck.Paths.of(nested.name("")));
    }
    if (fields.object("priorityMap") != null) {
      JsonObject mapping =
          PriorityMapping.unmapped()
              .putNull("fieldName")
              .put("severityToValueMap", ProjectMappingInput.severityMap(fields, "priorityMap"));
      return new PriorityMappingRequest(
          project, mapping, new PriorityFieldCheck.Paths("", "priorityMap"));
    }
    throw GatewayException.invalid("priorityFieldMapping (or priorityMap) is required");
  }

  /** {@code projectKey} or {@code projId}: either names the project; both must agree. */
  static String project(BodyFields fields) {
    String key = fields.trimmed("projectKey");
    String id = fields.trimmed("projId");
    if (key != null && id != null && !key.equals(id)) {
      throw GatewayException.invalid("projectKey and projId name different projects");
    }
    if (key == null && id == null) {
      throw GatewayException.invalid("projectKey (or projId) is required");
    }
    return JiraKeys.project(key != null ? "projectKey" : "projId", key != null ? key : id);
  }
}
