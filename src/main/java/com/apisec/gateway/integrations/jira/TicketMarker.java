package com.apisec.gateway.integrations.jira;

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

  /** The entry of a create body's {@code properties} list. */
  JsonObject property() {
    return new JsonObject().put("key", PROPERTY_KEY).put("value", value());
  }

  boolean matches(Object propertyValue) {
    if (!(propertyValue instanceof JsonObject json)) {
      return false;
    }
    Object account = json.getValue("accountId");
    return subject.equals(json.getValue("subject"))
        && account instanceof Number number
        && number.longValue() == accountId;
  }
}
