package com.apisec.gateway.integrations.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The {@code $set} of a save. Projects are merged into the stored maps one key at a time, and a
 * mapping saved without a priority mapping keeps the stored one. A save that moves the integration
 * to another host replaces both maps, since the old projects belong to the old site.
 */
final class SettingsUpdate {
  private SettingsUpdate() {}

  static JsonObject build(
      AddRequest add, JiraSettings stored, ProjectCheck check, String sealedToken) {
    JsonObject set =
        new JsonObject()
            .put("baseUrl", add.baseUrl())
            .put("userEmail", add.userEmail())
            .put("jiraType", add.deployment().name());
    if (sealedToken != null) {
      set.put("apiToken", sealedToken);
    }
    boolean replace =
        stored == null || !JiraSettingsService.sameHost(stored.baseUrl(), add.baseUrl());
    JsonObject storedMappings = replace ? new JsonObject() : stored.projectMappings();
    JsonObject mappings = new JsonObject();
    JsonObject issueTypes = new JsonObject();
    for (Map.Entry<String, List<IssueType>> project : check.succeeded().entrySet()) {
      String key = project.getKey();
      mappings.put(key, withStoredPriority(add.mappings().get(key), storedMappings, key));
      issueTypes.put(key, toJson(project.getValue()));
    }
    if (replace) {
      return set.put("projectMappings", mappings).put("projectIdsMap", issueTypes);
    }
    mappings.forEach(entry -> set.put("projectMappings." + entry.getKey(), entry.getValue()));
    issueTypes.forEach(entry -> set.put("projectIdsMap." + entry.getKey(), entry.getValue()));
    return set;
  }

  private static JsonObject withStoredPriority(
      JsonObject mapping, JsonObject storedMappings, String key) {
    JsonObject out = mapping.copy();
    JsonObject stored = storedMappings.getJsonObject(key);
    Object priority = stored == null ? null : stored.getValue(ProjectMappingInput.PRIORITY);
    if (out.getValue(ProjectMappingInput.PRIORITY) == null && priority != null) {
      out.put(ProjectMappingInput.PRIORITY, priority);
    }
    return out;
  }

  private static JsonArray toJson(List<IssueType> types) {
    JsonArray out = new JsonArray();
    types.forEach(type -> out.add(type.toJson()));
    return out;
  }
}
