package com.apisec.gateway.integrations.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One account's stored Jira integration, read from its store document. The token in it is sealed;
 * {@link #masked()} is the only form that leaves the gateway.
 */
record JiraSettings(JsonObject document) {
  static final String MASK = "********";

  JiraSettings {
    document = document.copy();
  }

  String baseUrl() {
    return document.getString("baseUrl");
  }

  String userEmail() {
    return document.getString("userEmail");
  }

  JiraDeployment deployment() {
    return JiraDeployment.from(document.getValue("jiraType"));
  }

  /** The sealed token, or null when none is stored. */
  String sealedToken() {
    return document.getString("apiToken");
  }

  JsonObject projectMappings() {
    return document.getJsonObject("projectMappings", new JsonObject()).copy();
  }

  JsonObject projectIdsMap() {
    return document.getJsonObject("projectIdsMap", new JsonObject()).copy();
  }

  /** Every project the integration knows, from either map. */
  Set<String> projectKeys() {
    Set<String> keys = new LinkedHashSet<>(stored("projectIdsMap").fieldNames());
    keys.addAll(stored("projectMappings").fieldNames());
    return keys;
  }

  List<IssueType> issueTypes(String projectKey) {
    JsonArray stored = stored("projectIdsMap").getJsonArray(projectKey, new JsonArray());
    List<IssueType> types = new ArrayList<>();
    for (Object item : stored) {
      if (item instanceof JsonObject json) {
        types.add(IssueType.fromJson(json));
      }
    }
    return types;
  }

  /** A map of the document, for reading only: what leaves this class is copied or rebuilt. */
  private JsonObject stored(String key) {
    JsonObject map = document.getJsonObject(key);
    return map == null ? new JsonObject() : map;
  }

  /** The document as reads return it: no store ids, the token masked. */
  JsonObject masked() {
    JsonObject out = document.copy();
    out.remove("_id");
    out.remove("accountId");
    out.put("apiToken", sealedToken() == null ? null : MASK);
    out.put("jiraType", deployment().name());
    return out;
  }
}
