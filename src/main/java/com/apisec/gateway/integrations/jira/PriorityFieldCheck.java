package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a priority field mapping against the project's create screens: the field must be on one,
 * and every mapped id must be one of its allowed values. It fills in what Jira tells (the field's
 * type and name, and the display name of each mapped value).
 */
final class PriorityFieldCheck {
  private PriorityFieldCheck() {}

  /** Where the mapping's fields were in the request: its own prefix and its severity map. */
  record Paths(String prefix, String values) {
    static Paths of(String prefix) {
      return new Paths(prefix, prefix + "severityToValueMap");
    }
  }

  /**
   * The mapping, completed; a 422 naming the field when it does not fit. {@code screens} holds the
   * create-screen fields of each of the project's issue types; {@code paths} say where the mapping
   * was in the request.
   */
  static JsonObject check(
      JsonObject mapping, String project, List<JsonArray> screens, Paths paths) {
    PriorityMapping parsed = new PriorityMapping(mapping);
    String fieldId = parsed.fieldId();
    List<JsonObject> found = matching(screens, fieldId);
    if (found.isEmpty()) {
      throw GatewayException.invalid(
          paths.prefix()
              + "fieldId: the field '"
              + fieldId
              + "' is not on a create screen of project "
              + project);
    }
    Map<String, String> allowed = allowed(found);
    if (allowed.isEmpty()) {
      throw GatewayException.invalid(
          paths.prefix() + "fieldId: the field '" + fieldId + "' has no values to choose from");
    }
    String fieldType = fieldType(mapping.getString("fieldType"), found.get(0), paths);
    JsonObject names = mapping.getJsonObject("severityToDisplayNameMap", new JsonObject()).copy();
    JsonObject values = mapping.getJsonObject("severityToValueMap", new JsonObject());
    JsonObject kept = new JsonObject();
    for (String severity : values.fieldNames()) {
      String ids = values.getString(severity);
      boolean list = PriorityMapping.isArrayType(fieldType);
      List<String> each = list ? idList(ids) : List.of(ids.trim());
      checkIds(each, allowed, paths.values() + "." + severity, fieldId, project);
      // a multi-select's list is kept as Jira will get it: no blanks, no stray spaces
      kept.put(severity, list ? String.join(",", each) : ids);
      if (!names.containsKey(severity)) {
        names.put(severity, displayName(each, allowed));
      }
    }
    return mapping
        .copy()
        .put("fieldId", fieldId)
        .put("fieldType", fieldType)
        .put("fieldName", nameOf(mapping, found.get(0)))
        .put("severityToValueMap", kept)
        .put("severityToDisplayNameMap", names);
  }

  private static List<String> idList(String ids) {
    return Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static List<JsonObject> matching(List<JsonArray> screens, String fieldId) {
    return screens.stream()
        .flatMap(JsonArray::stream)
        .filter(f -> f instanceof JsonObject)
        .map(JsonObject.class::cast)
        .filter(f -> fieldId.equals(f.getString("fieldId", f.getString("key"))))
        .toList();
  }

  /** Every allowed value's id and name, across the issue types. */
  private static Map<String, String> allowed(List<JsonObject> fields) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonObject field : fields) {
      for (Object value : field.getJsonArray("allowedValues", new JsonArray())) {
        if (value instanceof JsonObject option && option.getValue("id") != null) {
          String name = option.getString("name", option.getString("value", ""));
          out.putIfAbsent(String.valueOf(option.getValue("id")), name);
        }
      }
    }
    return out;
  }

  /** The given type, else Jira's: a multi-select when its schema is an array. */
  private static String fieldType(String given, JsonObject field, Paths paths) {
    JsonObject schema = field.getJsonObject("schema", new JsonObject());
    boolean array = "array".equals(schema.getString("type"));
    if (given == null || given.isBlank()) {
      return array ? "multiselect" : schema.getString("type", "option");
    }
    if (PriorityMapping.isArrayType(given) != array) {
      throw GatewayException.invalid(
          paths.prefix()
              + "fieldType: '"
              + given
              + "' does not fit the field, whose values are "
              + (array ? "a list" : "single"));
    }
    return given;
  }

  private static void checkIds(
      List<String> each, Map<String, String> allowed, String path, String fieldId, String project) {
    for (String id : each) {
      if (!allowed.containsKey(id)) {
        throw GatewayException.invalid(
            path
                + ": '"
                + id
                + "' is not a value of "
                + fieldId
                + " in project "
                + project
                + " (allowed ids: "
                + String.join(", ", allowed.keySet())
                + ")");
      }
    }
  }

  private static String displayName(List<String> ids, Map<String, String> allowed) {
    return ids.stream()
        .map(id -> allowed.getOrDefault(id, id))
        .reduce((a, b) -> a + ", " + b)
        .orElse("");
  }

  private static String nameOf(JsonObject mapping, JsonObject field) {
    String given = mapping.getString("fieldName");
    return given == null || given.isBlank() ? field.getString("name", "") : given;
  }
}
