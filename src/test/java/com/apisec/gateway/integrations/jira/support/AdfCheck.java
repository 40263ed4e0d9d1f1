package com.apisec.gateway.integrations.jira.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The stand-in's own check of a description: an ADF document with no empty text nodes. */
final class AdfCheck {
  private AdfCheck() {}

  static boolean isDocument(Object value) {
    if (!(value instanceof JsonObject doc)) {
      return false;
    }
    return "doc".equals(doc.getString("type"))
        && Integer.valueOf(1).equals(doc.getInteger("version"))
        && doc.getValue("content") instanceof JsonArray
        && wellFormed(doc);
  }

  private static boolean wellFormed(Object node) {
    if (node instanceof JsonArray array) {
      return array.stream().allMatch(AdfCheck::wellFormed);
    }
    if (!(node instanceof JsonObject json) || !(json.getValue("type") instanceof String type)) {
      return false;
    }
    if (type.equals("text")) {
      String text = json.getString("text");
      return text != null && !text.isEmpty();
    }
    Object content = json.getValue("content");
    return content == null || wellFormed(content);
  }
}
