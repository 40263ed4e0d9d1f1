package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The dashboard's extra issue fields ({@code additionalIssueFields.customIssueFields}: a list of
 * {@code {fieldId, fieldValue}}), sent to Jira as given. The fields the gateway writes itself are
 * refused, so a ticket always says what the finding says.
 */
final class CustomFields {
  private static final Pattern FIELD_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");
  private static final Set<String> OWN =
      Set.of("summary", "project", "issuetype", "description", "labels");

  private CustomFields() {}

  /** The fields as a {@code fields} fragment; {@code metaData} reads {@code jiraMetaData}. */
  static JsonObject from(BodyFields metaData) {
    JsonObject out = new JsonObject();
    if (metaData.object("additionalIssueFields") == null) {
      return out;
    }
    BodyFields additional = metaData.nested("additionalIssueFields");
    JsonArray list = additional.array("customIssueFields");
    if (list == null) {
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      String path = additional.name("customIssueFields") + "[" + i + "]";
      if (!(list.getValue(i) instanceof JsonObject item)) {
        throw GatewayException.invalid(path + " must be an object");
      }
      BodyFields field = new BodyFields(item, path + ".");
      String id = fieldId(field);
      Object value = item.getValue("fieldValue");
      if (value == null) {
        throw GatewayException.invalid(field.name("fieldValue") + " is required");
      }
      out.put(id, value);
    }
    return out;
  }

  private static String fieldId(BodyFields field) {
    String id = field.required("fieldId");
    if (!FIELD_ID.matcher(id).matches()) {
      throw GatewayException.invalid(
          field.name("fieldId") + " must be a Jira field id such as customfield_10050");
    }
    if (OWN.contains(id)) {
      throw GatewayException.invalid(
          field.name("fieldId") + " '" + id + "' is set by the gateway and cannot be sent");
    }
    return id;
  }
}
