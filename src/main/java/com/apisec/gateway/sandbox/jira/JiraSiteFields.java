package com.apisec.gateway.sandbox.jira;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every field of the stand-in's site, for the site-wide listings: the create-screen fields of
 * {@link JiraFields}, the system fields no create screen shows, fields of the Jira Software app,
 * and a dozen custom fields left by an imported project. Jira locks the app's fields (Sprint, Rank,
 * Team, Development); Cloud's field search also flags Issue color as not screenable. Data Center
 * has no such flag, so there only the locked ones are marked.
 */
final class JiraSiteFields {
  static final Set<String> LOCKED =
      Set.of(JiraFields.SPRINT, "customfield_10019", "customfield_10001", "customfield_10000");
  static final Set<String> UNSCREENABLE = Set.of(JiraFields.ISSUE_COLOR);
  static final int IMPORTED = 12;

  /** System fields that no create screen shows: {@code id|name|type}. */
  private static final String SYSTEM =
      """
      status|Status|status
      resolution|Resolution|resolution
      assignee|Assignee|user
      reporter|Reporter|user
      creator|Creator|user
      created|Created|datetime
      updated|Updated|datetime
      duedate|Due date|date
      resolutiondate|Resolved|datetime
      components|Components|array
      fixVersions|Fix versions|array
      versions|Affects versions|array
      environment|Environment|string
      attachment|Attachment|array
      watches|Watchers|watches
      votes|Votes|votes
      timetracking|Time tracking|timetracking
      timespent|Time Spent|number
      timeestimate|Remaining Estimate|number
      timeoriginalestimate|Original estimate|number
      worklog|Log Work|array
      comment|Comment|comments-page
      issuelinks|Linked Issues|array
      subtasks|Sub-tasks|array
      parent|Parent|issuelink
      lastViewed|Last Viewed|datetime
      security|Security Level|securitylevel
      statuscategorychangedate|Status Category Changed|datetime
      """;

  /** Fields of the Jira Software app on no create screen: {@code id|name|type|kind}. */
  private static final String APP =
      """
      customfield_10019|Rank|any|gh-lexo-rank
      customfield_10001|Team|team|jsw-team
      customfield_10000|Development|any|devsummarycf
      customfield_10016|Story point estimate|number|jsw-story-points
      customfield_10015|Start date|date|jsw-start-date
      """;

  private JiraSiteFields() {}

  /** A field as the listings know it, and on how many screens it is. */
  record SiteField(String id, String name, JsonObject schema, int screens) {
    boolean custom() {
      return id.startsWith("customfield_");
    }

    boolean locked() {
      return LOCKED.contains(id);
    }

    boolean unscreenable() {
      return UNSCREENABLE.contains(id);
    }

    long numericId() {
      return Long.parseLong(id.substring("customfield_".length()));
    }
  }

  /** Every field, the create-screen ones first. */
  static List<SiteField> all(Links links) {
    List<SiteField> out = new ArrayList<>();
    for (Object item : JiraFields.meta(links)) {
      JsonObject field = (JsonObject) item;
      out.add(
          new SiteField(
              field.getString("fieldId"),
              field.getString("name"),
              field.getJsonObject("schema"),
              1));
    }
    for (String line : SYSTEM.strip().split("\n")) {
      String[] cell = line.split("\\|");
      out.add(new SiteField(cell[0], cell[1], system(cell[2], cell[0]), 0));
    }
    for (String line : APP.strip().split("\n")) {
      String[] cell = line.split("\\|");
      int customId = Integer.parseInt(cell[0].substring("customfield_".length()));
      out.add(new SiteField(cell[0], cell[1], JiraFields.appField(cell[2], cell[3], customId), 0));
    }
    for (int i = 1; i <= IMPORTED; i++) {
      int customId = 10300 + i;
      JsonObject schema =
          new JsonObject()
              .put("type", "string")
              .put("custom", "com.atlassian.jira.plugin.system.customfieldtypes:textfield")
              .put("customId", customId);
      out.add(new SiteField("customfield_" + customId, "Imported field " + i, schema, 0));
    }
    return out;
  }

  private static JsonObject system(String type, String id) {
    return new JsonObject().put("type", type).put("system", id);
  }
}
