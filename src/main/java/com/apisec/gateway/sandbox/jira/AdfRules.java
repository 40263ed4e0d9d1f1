package com.apisec.gateway.sandbox.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Atlassian Document Format rules Jira Cloud applies to rich-text fields such as {@code
 * description}, for the nodes the gateway writes: paragraphs, headings, lists, code blocks, rules,
 * block quotes, text and hard breaks. A node or mark outside that set is refused.
 */
final class AdfRules {
  private static final Set<String> BLOCKS =
      Set.of(
          "paragraph", "heading", "bulletList", "orderedList", "codeBlock", "rule", "blockquote");
  private static final Set<String> INLINE = Set.of("text", "hardBreak");
  private static final Set<String> ITEM_FIRST = Set.of("paragraph", "codeBlock");
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

  /** What a node may hold: its keys, its children's types, and whether it needs children. */
  private record NodeRule(Set<String> keys, Set<String> children, boolean needsChildren) {}

  private static final Map<String, NodeRule> NODES =
      Map.of(
          "paragraph", new NodeRule(Set.of("type", "content"), INLINE, false),
          "heading", new NodeRule(Set.of("type", "content", "attrs"), INLINE, false),
          "bulletList", new NodeRule(Set.of("type", "content"), Set.of("listItem"), true),
          "orderedList", new NodeRule(Set.of("type", "content", "attrs"), Set.of("listItem"), true),
          "listItem",
              new NodeRule(
                  Set.of("type", "content"),
                  Set.of("paragraph", "codeBlock", "bulletList", "orderedList"),
                  true),
          "codeBlock", new NodeRule(Set.of("type", "content", "attrs"), Set.of("text"), false),
          "blockquote", new NodeRule(Set.of("type", "content"), Set.of("paragraph"), true),
          "rule", new NodeRule(Set.of("type"), Set.of(), false),
          "hardBreak", new NodeRule(Set.of("type", "attrs"), Set.of(), false),
          "text", new NodeRule(Set.of("type", "text", "marks"), Set.of(), false));

  private static final Map<String, Set<String>> MARK_ATTRS =
      Map.of(
          "strong", Set.of(),
          "em", Set.of(),
          "code", Set.of(),
          "strike", Set.of(),
          "underline", Set.of(),
          "link", Set.of("href", "title", "id", "collection", "occurrenceKey"),
          "textColor", Set.of("color"),
          "subsup", Set.of("type"));

  private AdfRules() {}

  /** Why the value is not a valid document, naming where; empty when it is one. */
  static Optional<String> problem(Object value) {
    if (!(value instanceof JsonObject doc)) {
      return Optional.of("the value is not a JSON object");
    }
    return Optional.ofNullable(doc(doc));
  }

  private static String doc(JsonObject doc) {
    if (!"doc".equals(doc.getValue("type"))) {
      return "type must be 'doc'";
    }
    if (!isWhole(doc.getValue("version")) || ((Number) doc.getValue("version")).intValue() != 1) {
      return "version must be 1";
    }
    String unknown = unknownKey(doc, Set.of("type", "version", "content"), "doc");
    if (unknown != null) {
      return unknown;
    }
    if (!(doc.getValue("content") instanceof JsonArray content)) {
      return "content must be an array";
    }
    return children(content, BLOCKS, "content", "doc");
  }

  private static String children(JsonArray content, Set<String> allowed, String at, String in) {
    for (int i = 0; i < content.size(); i++) {
      String path = at + "[" + i + "]";
      if (!(content.getValue(i) instanceof JsonObject node)) {
        return path + ": a node must be an object";
      }
      Object type = node.getValue("type");
      if (!(type instanceof String name) || !NODES.containsKey(name)) {
        return path + ": unknown node type " + type;
      }
      if (!allowed.contains(name)) {
        return path + ": " + name + " may not be inside " + in;
      }
      String problem = node(node, name, path, in);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String node(JsonObject node, String type, String at, String in) {
    NodeRule rule = NODES.get(type);
    String problem = unknownKey(node, rule.keys(), at);
    if (problem == null) {
      problem = attrs(node.getValue("attrs"), type, at);
    }
    if (problem == null && type.equals("text")) {
      problem = text(node, at, in.equals("codeBlock"));
    }
    if (problem != null || !rule.keys().contains("content")) {
      return problem;
    }

    Object content = node.getValue("content");
    if (content == null) {
      return rule.needsChildren() ? at + ": " + type + " needs content" : null;
    }
    if (!(content instanceof JsonArray array)) {
      return at + ".content must be an array";
    }
    if (rule.needsChildren() && array.isEmpty()) {
      return at + ": " + type + " needs at least one child";
    }
    if (type.equals("listItem") && !ITEM_FIRST.contains(typeOf(array.getValue(0)))) {
      return at + ": a listItem must start with a paragraph or a codeBlock";
    }
    return children(array, rule.children(), at + ".content", type);
  }

  private static String attrs(Object attrs, String type, String at) {
    if (attrs == null) {
      return type.equals("heading") ? at + ": heading needs attrs.level" : null;
    }
    if (!(attrs instanceof JsonObject values)) {
      return at + ".attrs must be an object";
    }
    return switch (type) {
      case "heading" -> range(values, "level", 1, 6, at);
      case "orderedList" -> range(values, "order", 1, Integer.MAX_VALUE, at);
      case "codeBlock" ->
          values.getValue("language") instanceof String || !values.containsKey("language")
              ? unknownKey(values, Set.of("language"), at + ".attrs")
              : at + ".attrs.language must be a string";
      case "hardBreak" ->
          values.fieldNames().equals(Set.of("text")) && "\n".equals(values.getValue("text"))
              ? null
              : at + ".attrs may only hold text \"\\n\"";
      default -> at + ": " + type + " takes no attrs";
    };
  }

  private static String range(JsonObject attrs, String key, int min, int max, String at) {
    Object value = attrs.getValue(key);
    if (!isWhole(value)
        || ((Number) value).longValue() < min
        || ((Number) value).longValue() > max) {
      return at + ".attrs." + key + " must be a whole number from " + min;
    }
    return unknownKey(attrs, Set.of(key), at + ".attrs");
  }

  private static String text(JsonObject node, String at, boolean inCode) {
    if (!(node.getValue("text") instanceof String text) || text.isEmpty()) {
      return at + ": a text node needs a non-empty text";
    }
    Object marks = node.getValue("marks");
    if (marks == null) {
      return null;
    }
    if (!(marks instanceof JsonArray list)) {
      return at + ".marks must be an array";
    }
    if (inCode && !list.isEmpty()) {
      return at + ": text in a codeBlock takes no marks";
    }
    return marks(list, at + ".marks");
  }

  private static String marks(JsonArray marks, String at) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < marks.size(); i++) {
      String path = at + "[" + i + "]";
      if (!(marks.getValue(i) instanceof JsonObject mark)) {
        return path + ": a mark must be an object";
      }
      Object type = mark.getValue("type");
      if (!(type instanceof String name) || !MARK_ATTRS.containsKey(name)) {
        return path + ": unknown mark type " + type;
      }
      if (!seen.add(name)) {
        return path + ": mark " + name + " appears twice";
      }
      String problem = mark(mark, name, path);
      if (problem != null) {
        return problem;
      }
    }
    if (seen.contains("code") && !Set.of("code", "link").containsAll(seen)) {
      return at + ": a code mark may only be combined with a link";
    }
    return null;
  }

  private static String mark(JsonObject mark, String type, String at) {
    Set<String> allowed = MARK_ATTRS.get(type);
    String problem =
        unknownKey(mark, allowed.isEmpty() ? Set.of("type") : Set.of("type", "attrs"), at);
    if (problem != null || allowed.isEmpty()) {
      return problem;
    }
    if (!(mark.getValue("attrs") instanceof JsonObject attrs)) {
      return at + ": mark " + type + " needs attrs";
    }
    problem = unknownKey(attrs, allowed, at + ".attrs");
    if (problem != null) {
      return problem;
    }
    return switch (type) {
      case "link" ->
          attrs.getValue("href") instanceof String ? null : at + ": a link mark needs attrs.href";
      case "textColor" ->
          attrs.getValue("color") instanceof String c && COLOR.matcher(c).matches()
              ? null
              : at + ": textColor needs attrs.color like #ff0000";
      default ->
          Set.of("sub", "sup").contains(attrs.getValue("type"))
              ? null
              : at + ": subsup needs attrs.type sub or sup";
    };
  }

  private static String unknownKey(JsonObject object, Set<String> allowed, String at) {
    for (String key : object.fieldNames()) {
      if (!allowed.contains(key)) {
        return at + ": unknown key '" + key + "'";
      }
    }
    return null;
  }

  private static String typeOf(Object node) {
    return node instanceof JsonObject json && json.getValue("type") instanceof String type
        ? type
        : "";
  }

  private static boolean isWhole(Object value) {
    return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue());
  }
}
