package com.apisec.gateway.sandbox.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields on every create screen of the stand-in's site, as create-meta describes them, and the
 * checks on the two option fields: a single select ({@value #RISK}, "Risk level") and a multi
 * select ({@value #AREAS}, "Affected areas"). A field that is not listed cannot be set. Two fields
 * of the Jira Software app are on the screens too, {@value #SPRINT} ("Sprint", which the site's
 * field listings flag as locked) and {@value #ISSUE_COLOR} ("Issue color", which Cloud's field
 * search flags as not screenable); see {@link JiraSiteFields}.
 */
final class JiraFields {
  static final String RISK = "customfield_10050";
  static final String AREAS = "customfield_10051";
  static final String SPRINT = "customfield_10020";
  static final String ISSUE_COLOR = "customfield_10017";
  static final String SOFTWARE_APP = "com.pyxis.greenhopper.jira:";
  static final String NOT_ON_SCREEN =
      "Field '%s' cannot be set. It is not on the appropriate screen, or unknown.";

  private static final Map<String, String> RISK_OPTIONS =
      Map.of("10100", "Critical", "10101", "High", "10102", "Medium", "10103", "Low");
  private static final Map<String, String> AREA_OPTIONS =
      Map.of("10200", "API", "10201", "Web", "10202", "Mobile");
  private static final Set<String> ON_SCREEN =
      Set.of(
          "summary",
          "project",
          "issuetype",
          "description",
          "labels",
          "priority",
          RISK,
          AREAS,
          SPRINT,
          ISSUE_COLOR);

  private JiraFields() {}

  static boolean onScreen(String fieldId) {
    return ON_SCREEN.contains(fieldId);
  }

  /** The create-meta description of every field, in screen order. */
  static JsonArray meta(Links links) {
    return new JsonArray()
        .add(field("summary", "Summary", true, schema("string", "summary")))
        .add(field("issuetype", "Issue Type", true, schema("issuetype", "issuetype")))
        .add(field("project", "Project", true, schema("project", "project")))
        .add(field("description", "Description", false, schema("string", "description")))
        .add(field("labels", "Labels", false, arrayOf("string", "labels")))
        .add(
            field("priority", "Priority", false, schema("priority", "priority"))
                .put("allowedValues", priorities(links)))
        .add(
            field(RISK, "Risk level", false, custom("option", "select", 10050))
                .put("allowedValues", options(links, RISK_OPTIONS)))
        .add(
            field(AREAS, "Affected areas", false, customArray("multiselect", 10051))
                .put("allowedValues", options(links, AREA_OPTIONS)))
        .add(field(SPRINT, "Sprint", false, appField("array", "gh-sprint", 10020)))
        .add(
            field(ISSUE_COLOR, "Issue color", false, appField("string", "jsw-issue-color", 10017)));
  }

  /** Why a custom option field's value is refused, or empty when Jira would take it. */
  static Optional<String> optionProblem(String fieldId, Object value) {
    if (RISK.equals(fieldId)) {
      return option(value, RISK_OPTIONS) ? Optional.empty() : Optional.of(invalidOption());
    }
    if (AREAS.equals(fieldId)) {
      boolean ok =
          value instanceof JsonArray list && list.stream().allMatch(v -> option(v, AREA_OPTIONS));
      return ok ? Optional.empty() : Optional.of(invalidOption());
    }
    return Optional.empty();
  }

  private static String invalidOption() {
    return "Specify a valid 'id' or 'name' for the option";
  }

  private static boolean option(Object value, Map<String, String> options) {
    if (!(value instanceof JsonObject ref)) {
      return false;
    }
    Object id = ref.getValue("id");
    if (id != null) {
      return options.containsKey(String.valueOf(id));
    }
    return options.containsValue(ref.getValue("value"));
  }

  private static JsonObject field(String id, String name, boolean required, JsonObject schema) {
    return new JsonObject()
        .put("required", required)
        .put("schema", schema)
        .put("name", name)
        .put("key", id)
        .put("fieldId", id)
        .put("hasDefaultValue", id.equals("priority"))
        .put("operations", new JsonArray().add("set"));
  }

  private static JsonObject schema(String type, String system) {
    return new JsonObject().put("type", type).put("system", system);
  }

  private static JsonObject arrayOf(String items, String system) {
    return new JsonObject().put("type", "array").put("items", items).put("system", system);
  }

  private static JsonObject custom(String type, String kind, int id) {
    return new JsonObject()
        .put("type", type)
        .put("custom", "com.atlassian.jira.plugin.system.customfieldtypes:" + kind)
        .put("customId", id);
  }

  /** A custom field that the Jira Software app provides. */
  static JsonObject appField(String type, String kind, int id) {
    JsonObject schema =
        new JsonObject().put("type", type).put("custom", SOFTWARE_APP + kind).put("customId", id);
    return type.equals("array") ? schema.put("items", "json") : schema;
  }

  private static JsonObject customArray(String kind, int id) {
    return custom("array", kind, id).put("items", "option");
  }

  private static JsonArray priorities(Links links) {
    JsonArray out = new JsonArray();
    JiraPriorities.priorities(links).stream()
        .map(JsonObject.class::cast)
        .forEach(p -> out.add(p.copy()));
    return out;
  }

  private static JsonArray options(Links links, Map<String, String> options) {
    JsonArray out = new JsonArray();
    options.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            o ->
                out.add(
                    new JsonObject()
                        .put("self", links.api("/customFieldOption/" + o.getKey()))
                        .put("value", o.getValue())
                        .put("id", o.getKey())));
    return out;
  }
}
