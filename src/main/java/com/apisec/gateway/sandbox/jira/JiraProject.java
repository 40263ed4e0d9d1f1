package com.apisec.gateway.sandbox.jira;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** A project the stand-in knows, with the issue types one may create in it. */
record JiraProject(String id, String key, String name, List<IssueType> issueTypes) {

  /** The projects every stand-in starts with. */
  static final List<JiraProject> KNOWN =
      List.of(
          new JiraProject("10000", "SCRUM", "Scrum Team", IssueType.DEFAULTS),
          new JiraProject("10001", "API", "API Security", IssueType.DEFAULTS));

  /** An issue type; ids are shared by both projects, as in a site with one type scheme. */
  record IssueType(String id, String name, String description) {
    static final List<IssueType> DEFAULTS =
        List.of(
            new IssueType("10001", "Bug", "A problem or error."),
            new IssueType(
                "10002", "Story", "Functionality or a feature expressed as a user goal."));

    JsonObject toJson(Links links) {
      return new JsonObject()
          .put("self", links.api("/issuetype/" + id))
          .put("id", id)
          .put("description", description)
          .put("iconUrl", links.site("/images/icons/issuetypes/" + name.toLowerCase() + ".svg"))
          .put("name", name)
          .put("untranslatedName", name)
          .put("subtask", false)
          .put("hierarchyLevel", 0);
    }
  }

  Optional<IssueType> issueType(String idOrName) {
    return issueTypes.stream()
        .filter(t -> t.id().equals(idOrName) || t.name().equalsIgnoreCase(idOrName))
        .findFirst();
  }

  JsonObject toJson(Links links) {
    return new JsonObject()
        .put("self", links.api("/project/" + id))
        .put("id", id)
        .put("key", key)
        .put("name", name)
        .put("projectTypeKey", "software")
        .put("simplified", false);
  }
}
