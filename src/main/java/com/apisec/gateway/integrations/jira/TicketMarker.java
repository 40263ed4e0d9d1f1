package com.apisec.gateway.integrations.jira;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * The issue property the gateway sets on each ticket it creates for a subject. After a create whose
 * outcome is unknown, the gateway finds the ticket by it. A property (unlike a label) is kept by
 * projects whose screens refuse labels.
 */
record TicketMarker(String subject, long accountId) {
  static final String PROPERTY_KEY = "gateway.subject";

  JsonObject value() {
    return new JsonObject().put("subject", subject).put("accountId", accountId);
  }

  /** The entry of a create body's {@code properties} list, as the deployment takes it. */
  JsonObject property(JiraDialect dialect) {
    return new JsonObject().put("key", PROPERTY_KEY).put("value", dialect.propertyValue(value()));
  }

  /** Whether a read property value is this marker: an object, or its JSON text (Data Center). */
  boolean matches(Object propertyValue) {
    JsonObject json = asObject(propertyValue);
    if (json == null) {
      return false;
    }
    Object account = json.getValue("accountId");
    return subject.equals(json.getValue("subject"))
        && account instanceof Number number
        && number.longValue() == accountId;
  }

  private static JsonObject asObject(Object value) {
    if (value instanceof JsonObject json) {
      return json;
    }
    if (value instanceof String text && text.trim().startsWith("{")) {
      try {
        return new JsonObject(text);
      } catch (DecodeException e) {
        return null;
      }
    }
    return null;
  }
}
