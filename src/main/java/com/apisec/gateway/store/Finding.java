package com.apisec.gateway.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A testing issue as the platform stores it, with what a ticket needs: the issue, its latest test
 * result's samples and its test template's text. Times are Unix seconds; {@code lastUpdated} is
 * when its status last changed (0 when unknown).
 */
public record Finding(
    TestingIssueId id,
    String severity,
    String status,
    long creationTime,
    long lastUpdated,
    String ignoreReason,
    String existingTicketUrl,
    String resultId,
    String originalMessage,
    String testMessage,
    Template template) {

  /** The test template's descriptive fields ({@code yaml_templates.info}). */
  public record Template(
      String name,
      String description,
      String impact,
      String remediation,
      List<String> tags,
      List<String> cwe,
      List<String> cve,
      List<String> references,
      JsonObject compliance) {

    static Template from(JsonObject info) {
      JsonObject in = info == null ? new JsonObject() : info;
      JsonObject compliance = in.getJsonObject("compliance", new JsonObject());
      return new Template(
          in.getString("name", ""),
          in.getString("description", ""),
          in.getString("impact", ""),
          in.getString("remediation", ""),
          strings(in.getJsonArray("tags")),
          strings(in.getJsonArray("cwe")),
          strings(in.getJsonArray("cve")),
          strings(in.getJsonArray("references")),
          compliance.getJsonObject("mapComplianceToListClauses", new JsonObject()));
    }

    /** Whether the template was found and says anything. */
    public boolean found() {
      return !(name.isEmpty()
          && description.isEmpty()
          && impact.isEmpty()
          && remediation.isEmpty());
    }

    private static List<String> strings(JsonArray array) {
      if (array == null) {
        return List.of();
      }
      return array.stream().filter(v -> v != null).map(Object::toString).toList();
    }
  }
}
