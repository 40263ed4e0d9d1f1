package com.apisec.gateway.proofs;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile request bodies for one operation, made from its example and its request schema: bodies
 * that are not JSON objects, and each field replaced by a wrong type, null, an empty string, a huge
 * string, control characters, non-ASCII text, an unknown enum value, extreme numbers and JSON text
 * whose members have the wrong types.
 */
final class HostileBodies {
  static final String MEGABYTE = "x".repeat(1_000_000);

  /** One hostile body: raw bytes, and what it changes. */
  record Case(String name, Buffer body) {
    Case(String name, String text) {
      this(name, Buffer.buffer(text));
    }
  }

  private HostileBodies() {}

  static List<Case> whole(long limitBytes) {
    List<Case> out = new ArrayList<>();
    out.add(new Case("invalid JSON", "{\"title\": "));
    out.add(new Case("JSON array", "[1, 2, 3]"));
    out.add(new Case("JSON string", "\"text\""));
    out.add(new Case("JSON number", "12345"));
    out.add(new Case("JSON null", "null"));
    out.add(new Case("deeply nested", "[".repeat(50_000) + "]".repeat(50_000)));
    out.add(new Case("nested object", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
    out.add(new Case("over the limit", "{\"pad\":\"" + "y".repeat((int) limitBytes + 10) + "\"}"));
    byte[] notUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
    out.add(new Case("not UTF-8", Buffer.buffer(notUtf8)));
    return out;
  }

  static List<Case> perField(JsonObject example, JsonObject schema) {
    List<Case> out = new ArrayList<>();
    JsonObject properties = schema.getJsonObject("properties", new JsonObject());
    for (String field : properties.fieldNames()) {
      for (Object value : values()) {
        JsonObject body = example.copy().put(field, value);
        out.add(new Case(field + " = " + describe(value), body.encode()));
      }
    }
    return out;
  }

  private static List<Object> values() {
    List<Object> out = new ArrayList<>();
    out.add(42);
    out.add(true);
    out.add(new JsonArray().add(1));
    out.add(new JsonObject().put("x", 1));
    out.add(null);
    out.add("");
    out.add("   ");
    out.add(MEGABYTE);
    out.add("line\r\nbreak\u0000nul\u0007bell\u001b[31m");
    out.add("Ωμέγα 漢字 🙂 ‮rtl");
    out.add("NOT_A_KNOWN_VALUE");
    out.add(-1);
    out.add(1e308);
    out.add(Long.MAX_VALUE);
    out.add("<script>alert(1)</script>' OR '1'='1");
    // JSON text in a string field, for fields that hold the platform's messages as text
    out.add("{\"request\": 5, \"response\": [], \"method\": {}, \"requestHeaders\": 7}");
    out.add("{\"request\": {\"headers\": 5, \"url\": [], \"body\": {}}, \"response\": 5}");
    return out;
  }

  private static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value instanceof String s ? "\"" + s + "\"" : value.toString();
    return text.length() > 40 ? text.substring(0, 40) + "...(" + text.length() + ")" : text;
  }
}
