package com.apisec.gateway.core;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of one config section, each failing with the full key name. */
final class ConfigValues {
  private final JsonObject json;
  private final String prefix;

  ConfigValues(JsonObject json, String prefix) {
    this.json = json == null ? new JsonObject() : json;
    this.prefix = prefix;
  }

  ConfigValues section(String name) {
    Object value = json.getValue(name);
    if (value != null && !(value instanceof JsonObject)) {
      throw new ConfigException(key(name) + " must be a mapping");
    }
    return new ConfigValues((JsonObject) value, key(name));
  }

  String string(String name, String fallback) {
    Object value = json.getValue(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof JsonObject || value instanceof JsonArray) {
      throw new ConfigException(key(name) + " must be a string");
    }
    return value.toString().trim();
  }

  long number(String name, long fallback, long min, long max) {
    Object value = json.getValue(name);
    long parsed;
    if (value == null) {
      parsed = fallback;
    } else if (value instanceof Number n) {
      parsed = n.longValue();
    } else {
      try {
        parsed = Long.parseLong(value.toString().trim());
      } catch (NumberFormatException e) {
        throw new ConfigException(key(name) + " must be a number, got '" + value + "'");
      }
    }
    if (parsed < min || parsed > max) {
      throw new ConfigException(
          key(name) + " must be between " + min + " and " + max + ", got " + parsed);
    }
    return parsed;
  }

  boolean bool(String name, boolean fallback) {
    Object value = json.getValue(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = value.toString().trim().toLowerCase();
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new ConfigException(key(name) + " must be true or false, got '" + value + "'");
  }

  List<String> strings(String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return splitList(s);
    }
    if (!(value instanceof JsonArray array)) {
      throw new ConfigException(key(name) + " must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String s) || s.isBlank()) {
        throw new ConfigException(key(name) + " must hold only non-empty strings");
      }
      out.add(s.trim());
    }
    return List.copyOf(out);
  }

  Map<String, String> stringMap(String name) {
    ConfigValues section = section(name);
    Map<String, String> out = new LinkedHashMap<>();
    for (String field : section.json.fieldNames()) {
      out.put(field, section.string(field, ""));
    }
    return Map.copyOf(out);
  }

  String key(String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  private static List<String> splitList(String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return List.copyOf(out);
  }
}
