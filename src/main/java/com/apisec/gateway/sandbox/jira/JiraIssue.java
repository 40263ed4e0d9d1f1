package com.apisec.gateway.sandbox.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** An issue created in the stand-in: its fields as sent, its entity properties and attachments. */
final class JiraIssue {
  private static final DateTimeFormatter JIRA_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  private final String id;
  private final String key;
  private final JiraProject project;
  private final JsonObject fields;
  private final Instant created;
  private final Map<String, Object> properties = new LinkedHashMap<>();
  private final JsonArray attachments = new JsonArray();

  JiraIssue(String id, String key, JiraProject project, JsonObject fields, Instant created) {
    this.id = id;
    this.key = key;
    this.project = project;
    this.fields = fields.copy();
    this.created = created;
  }

  String id() {
    return id;
  }

  String key() {
    return key;
  }

  JiraProject project() {
    return project;
  }

  Instant created() {
    return created;
  }

  Map<String, Object> properties() {
    return properties;
  }

  void addAttachment(JsonObject attachment) {
    attachments.add(attachment);
  }

  static String time(Instant instant) {
    return JIRA_TIME.format(instant);
  }

  /** The issue as Jira returns it, with only the named fields when {@code only} is not null. */
  JsonObject toJson(Links links, Collection<String> only, Collection<String> propertyKeys) {
    JsonObject json =
        new JsonObject()
            .put("expand", "")
            .put("id", id)
            .put("self", links.api("/issue/" + id))
            .put("key", key);
    JsonObject shown = new JsonObject();
    allFields(links).forEach(e -> shown(only, e.getKey(), shown, e.getValue()));
    if (!shown.isEmpty()) {
      json.put("fields", shown);
    }
    if (propertyKeys != null && !propertyKeys.isEmpty()) {
      json.put("properties", properties(propertyKeys));
    }
    return json;
  }

  private JsonObject allFields(Links links) {
    JsonObject all = fields.copy();
    JsonObject type = fields.getJsonObject("issuetype", new JsonObject());
    project
        .issueType(type.getString("id", type.getString("name", "")))
        .ifPresent(t -> all.put("issuetype", t.toJson(links)));
    return all.put("project", project.toJson(links))
        .put("status", new JsonObject().put("id", "10000").put("name", "To Do"))
        .put("created", time(created))
        .put("updated", time(created))
        .put("attachment", attachments.copy());
  }

  private static void shown(Collection<String> only, String name, JsonObject out, Object value) {
    if (only == null || only.contains(name)) {
      out.put(name, value);
    }
  }

  private JsonObject properties(Collection<String> keys) {
    JsonObject out = new JsonObject();
    keys.stream().filter(properties::containsKey).forEach(k -> out.put(k, properties.get(k)));
    return out;
  }
}
