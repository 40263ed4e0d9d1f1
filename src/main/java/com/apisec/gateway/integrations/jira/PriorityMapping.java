package com.apisec.gateway.integrations.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * A project's severity-to-field-value mapping ({@code priorityFieldMapping}), as stored and as
 * applied to a new issue: the mapped value id goes into the field in the shape its type takes,
 * {@code {"id": v}}, or an array of them for a multi-select. A severity without a value sends
 * nothing, so Jira's default applies.
 */
record PriorityMapping(JsonObject json) {
  static final String DEFAULT_FIELD = "priority";
  private static final Set<String> ARRAY_TYPES = Set.of("array", "multiselect");

  PriorityMapping {
    json = json.copy();
  }

  /** The stored mapping of a project mapping, or null when there is none. */
  static PriorityMapping of(JsonObject projectMapping) {
    JsonObject stored =
        projectMapping == null ? null : projectMapping.getJsonObject(ProjectMappingInput.PRIORITY);
    return stored == null ? null : new PriorityMapping(stored);
  }

  /** What a read returns when nothing is stored: the priority field, nothing mapped. */
  static JsonObject unmapped() {
    return new JsonObject()
        .put("fieldId", DEFAULT_FIELD)
        .put("fieldName", "Priority")
        .putNull("fieldType")
        .put("severityToValueMap", new JsonObject())
        .put("severityToDisplayNameMap", new JsonObject());
  }

  String fieldId() {
    String id = json.getString("fieldId");
    return id == null || id.isBlank() ? DEFAULT_FIELD : id;
  }

  boolean multiple() {
    return isArrayType(json.getString("fieldType"));
  }

  static boolean isArrayType(String fieldType) {
    return fieldType != null && ARRAY_TYPES.contains(fieldType.toLowerCase(Locale.ROOT));
  }

  /** The value sent for a severity, or null when the severity is not mapped. */
  Object valueFor(String severity) {
    JsonObject values = json.getJsonObject("severityToValueMap", new JsonObject());
    Object raw = severity == null ? null : values.getValue(severity.toUpperCase(Locale.ROOT));
    if (!(raw instanceof String text) || text.isBlank()) {
      return null;
    }
    if (!multiple()) {
      return new JsonObject().put("id", text.trim());
    }
    JsonArray ids = new JsonArray();
    Arrays.stream(text.split(","))
        .map(String::trim)
        .filter(id -> !id.isEmpty())
        .forEach(id -> ids.add(new JsonObject().put("id", id)));
    return ids.isEmpty() ? null : ids;
  }

  /** Sets the mapped field for {@code severity} in {@code fields}; nothing when unmapped. */
  void applyTo(JsonObject fields, String severity) {
    Object value = valueFor(severity);
    if (value != null) {
      fields.put(fieldId(), value);
    }
  }
}
