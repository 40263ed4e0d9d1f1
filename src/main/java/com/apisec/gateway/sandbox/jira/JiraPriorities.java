package com.apisec.gateway.sandbox.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/** The priorities and workflow statuses of the stand-in's site. */
final class JiraPriorities {
  private static final List<String[]> PRIORITIES =
      List.of(
          new String[] {"1", "Highest", "#d04437", "This problem will block progress."},
          new String[] {"2", "High", "#f15c75", "Serious problem that could block progress."},
          new String[] {"3", "Medium", "#f79232", "Has the potential to affect progress."},
          new String[] {"4", "Low", "#707070", "Minor problem or easily worked around."},
          new String[] {"5", "Lowest", "#999999", "Trivial problem with little or no impact."});
  private static final List<String[]> STATUSES =
      List.of(
          new String[] {"10000", "To Do", "new"},
          new String[] {"3", "In Progress", "indeterminate"},
          new String[] {"10001", "Done", "done"});

  private JiraPriorities() {}

  static boolean known(String idOrName) {
    return PRIORITIES.stream().anyMatch(p -> p[0].equals(idOrName) || p[1].equals(idOrName));
  }

  static JsonArray priorities(Links links) {
    JsonArray out = new JsonArray();
    for (String[] p : PRIORITIES) {
      out.add(
          new JsonObject()
              .put("self", links.api("/priority/" + p[0]))
              .put("statusColor", p[2])
              .put("description", p[3])
              .put("iconUrl", links.site("/images/icons/priorities/" + icon(p[1])))
              .put("name", p[1])
              .put("id", p[0])
              .put("isDefault", p[0].equals("3")));
    }
    return out;
  }

  /** Each issue type of the project with the statuses its workflow goes through. */
  static JsonArray statusesByType(JiraProject project, Links links) {
    JsonArray out = new JsonArray();
    for (JiraProject.IssueType type : project.issueTypes()) {
      out.add(
          new JsonObject()
              .put("self", links.api("/issuetype/" + type.id()))
              .put("id", type.id())
              .put("name", type.name())
              .put("subtask", false)
              .put("statuses", statuses(links)));
    }
    return out;
  }

  private static JsonArray statuses(Links links) {
    JsonArray out = new JsonArray();
    for (String[] s : STATUSES) {
      out.add(
          new JsonObject()
              .put("self", links.api("/status/" + s[0]))
              .put("description", "")
              .put("iconUrl", links.site("/images/icons/statuses/generic.png"))
              .put("name", s[1])
              .put("untranslatedName", s[1])
              .put("id", s[0])
              .put("statusCategory", new JsonObject().put("key", s[2]).put("name", s[1])));
    }
    return out;
  }

  private static String icon(String name) {
    return name.toLowerCase(Locale.ROOT) + ".svg";
  }
}
