package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Typed reads of a request body (or of an object inside it). A value of the wrong type is a 422
 * that names the field with its full path; absent and null read the same.
 */
final class BodyFields {
  private final JsonObject json;
  private final String prefix;

  BodyFields(JsonObject json, String prefix) {
    this.json = json == null ? new JsonObject() : json;
    this.prefix = prefix;
  }

  static BodyFields of(JsonObject body) {
    return new BodyFields(body, "");
  }

  String name(String field) {
    return prefix + field;
  }

  boolean has(String field) {
    return json.getValue(field) != null;
  }

  /** The string, or null when absent or null. */
  String string(String field) {
    Object value = json.getValue(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw GatewayException.invalid(name(field) + " must be a string");
  }

  /** The trimmed string; absent, null or blank is a 422 naming the field. */
  String required(String field) {
    String value = string(field);
    if (value == null || value.isBlank()) {
      throw GatewayException.invalid(name(field) + " is required");
    }
    return value.trim();
  }

  /** The trimmed string, or null when absent, null or blank. */
  String trimmed(String field) {
    String value = string(field);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** A string or a number (ids that Jira writes either way), or null. */
  Object scalar(String field) {
    Object value = json.getValue(field);
    if (value == null || value instanceof String || value instanceof Number) {
      return value;
    }
    throw GatewayException.invalid(name(field) + " must be a string or a number");
  }

  Boolean bool(String field) {
    Object value = json.getValue(field);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw GatewayException.invalid(name(field) + " must be true or false");
  }

  JsonObject object(String field) {
    Object value = json.getValue(field);
    if (value == null || value instanceof JsonObject) {
      return (JsonObject) value;
    }
    throw GatewayException.invalid(name(field) + " must be an object");
  }

  JsonArray array(String field) {
    Object value = json.getValue(field);
    if (value == null || value instanceof JsonArray) {
      return (JsonArray) value;
    }
    throw GatewayException.invalid(name(field) + " must be an array");
  }

  /** A nested object's fields, named with this field's path. */
  BodyFields nested(String field) {
    return new BodyFields(object(field), name(field) + ".");
  }
}
