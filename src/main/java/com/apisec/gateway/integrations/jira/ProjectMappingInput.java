package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

/**
 * One project's mapping as the dashboard sends it (statuses, two-way sync settings, priority field
 * mapping), checked field by field and rebuilt with only the fields the gateway knows, so nothing
 * unexpected reaches the store.
 */
final class ProjectMappingInput {
  static final String PRIORITY = "priorityFieldMapping";
  private static final Set<String> SEVERITIES = Set.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");
  private static final Set<String> SYNC_STATES = Set.of("OPEN", "FIXED", "IGNORED");

  private ProjectMappingInput() {}

  /** The cleaned mapping; {@code field} is its path in the body, used in messages. */
  static JsonObject clean(String field, Object value) {
    if (value == null) {
      return new JsonObject();
    }
    if (!(value instanceof JsonObject json)) {
      throw GatewayException.invalid(field + " must be an object");
    }
    BodyFields fields = new BodyFields(json, field + ".");
    JsonObject out = new JsonObject();
    putIfPresent(out, "statuses", statuses(fields));
    putIfPresent(out, "biDirectionalSyncSettings", sync(fields));
    putIfPresent(out, PRIORITY, priority(fields));
    return out;
  }

  private static JsonArray statuses(BodyFields fields) {
    JsonArray in = fields.array("statuses");
    if (in == null) {
      return null;
    }
    JsonArray out = new JsonArray();
    for (int i = 0; i < in.size(); i++) {
      String path = fields.name("statuses") + "[" + i + "]";
      if (!(in.getValue(i) instanceof JsonObject status)) {
        throw GatewayException.invalid(path + " must be an object");
      }
      BodyFields s = new BodyFields(status, path + ".");
      JsonObject category = s.object("statusCategory");
      JsonObject cleaned = scalars(s, "id", "name");
      if (category != null) {
        BodyFields c = new BodyFields(category, s.name("statusCategory") + ".");
        cleaned.put("statusCategory", scalars(c, "id", "name", "key"));
      }
      out.add(cleaned);
    }
    return out;
  }

  private static JsonObject sync(BodyFields fields) {
    if (fields.object("biDirectionalSyncSettings") == null) {
      return null;
    }
    BodyFields sync = fields.nested("biDirectionalSyncSettings");
    JsonObject out = new JsonObject().put("enabled", Boolean.TRUE.equals(sync.bool("enabled")));
    JsonObject mappings = sync.object("aktoStatusMappings");
    if (mappings != null) {
      JsonObject cleaned = new JsonObject();
      for (Map.Entry<String, Object> entry : mappings) {
        String path = sync.name("aktoStatusMappings") + "." + entry.getKey();
        if (!SYNC_STATES.contains(entry.getKey())) {
          throw GatewayException.invalid(path + " is not one of OPEN, FIXED, IGNORED");
        }
        cleaned.put(entry.getKey(), strings(path, entry.getValue()));
      }
      out.put("aktoStatusMappings", cleaned);
    }
    return out;
  }

  private static JsonObject priority(BodyFields fields) {
    return fields.object(PRIORITY) == null ? null : priorityMapping(fields.nested(PRIORITY));
  }

  /** A priority field mapping, checked; {@code p} reads the mapping object itself. */
  static JsonObject priorityMapping(BodyFields p) {
    JsonObject out = new JsonObject();
    String fieldId = p.trimmed("fieldId");
    out.put("fieldId", fieldId == null ? "priority" : fieldId);
    out.put("fieldName", p.string("fieldName"));
    out.put("fieldType", p.string("fieldType"));
    out.put("severityToValueMap", severityMap(p, "severityToValueMap"));
    out.put("severityToDisplayNameMap", severityMap(p, "severityToDisplayNameMap"));
    return out;
  }

  /** A map of severity to string, checked; blank values are left out. */
  static JsonObject severityMap(BodyFields p, String name) {
    JsonObject in = p.object(name);
    JsonObject out = new JsonObject();
    if (in == null) {
      return out;
    }
    for (Map.Entry<String, Object> entry : in) {
      String path = p.name(name) + "." + entry.getKey();
      if (!SEVERITIES.contains(entry.getKey())) {
        throw GatewayException.invalid(path + " is not one of " + String.join(", ", SEVERITIES));
      }
      if (entry.getValue() != null && !(entry.getValue() instanceof String)) {
        throw GatewayException.invalid(path + " must be a string");
      }
      String value = (String) entry.getValue();
      if (value != null && !value.isBlank()) {
        out.put(entry.getKey(), value.trim());
      }
    }
    return out;
  }

  private static JsonArray strings(String path, Object value) {
    if (!(value instanceof JsonArray array)) {
      throw GatewayException.invalid(path + " must be an array of strings");
    }
    for (Object item : array) {
      if (!(item instanceof String)) {
        throw GatewayException.invalid(path + " must be an array of strings");
      }
    }
    return array.copy();
  }

  private static JsonObject scalars(BodyFields fields, String... names) {
    JsonObject out = new JsonObject();
    for (String name : names) {
      Object value = fields.scalar(name);
      if (value != null) {
        out.put(name, value);
      }
    }
    return out;
  }

  private static void putIfPresent(JsonObject out, String key, Object value) {
    if (value != null) {
      out.put(key, value);
    }
  }
}
