package com.apisec.gateway.integrations.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds an Atlassian Document Format document (version 1) from plain text, the format of Jira
 * Cloud descriptions. It never writes an empty text node, an empty paragraph or an empty list,
 * which Jira refuses.
 */
public final class AdfDocument {
  private static final Pattern BLANK_LINES = Pattern.compile("\n(?:[ \\t\\u00a0]*\n)+");
  private static final Pattern LEADING_BLANK_LINES = Pattern.compile("^(?:[ \\t\\u00a0]*\n)+");
  private static final Pattern TRAILING_BLANK_LINES = Pattern.compile("(?:\n[ \\t\\u00a0]*)+$");
  private static final Pattern UNSAFE_CONTROLS =
      Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]");

  private final JsonArray content = new JsonArray();

  private AdfDocument() {}

  public static AdfDocument create() {
    return new AdfDocument();
  }

  /** Paragraphs from free text: a blank line starts a new one, a single line break is kept. */
  public AdfDocument text(String text) {
    if (text == null) {
      return this;
    }
    for (String block : blocks(normalise(text))) {
      JsonArray inline = AdfInline.lines(trimBlankEdges(block));
      if (!inline.isEmpty()) {
        content.add(node("paragraph").put("content", inline));
      }
    }
    return this;
  }

  /** A heading of level 1 to 6; an empty title adds nothing. */
  public AdfDocument heading(int level, String title) {
    if (level < 1 || level > 6) {
      throw new IllegalArgumentException("heading level must be 1 to 6");
    }
    JsonArray inline = AdfInline.line(normalise(title == null ? "" : title).trim());
    if (!inline.isEmpty()) {
      JsonObject attrs = new JsonObject().put("level", level);
      content.add(node("heading").put("attrs", attrs).put("content", inline));
    }
    return this;
  }

  /** A bullet list, one paragraph per item; empty items are left out, and an empty list too. */
  public AdfDocument bulletList(List<String> items) {
    JsonArray listItems = new JsonArray();
    for (String item : items) {
      JsonArray inline = AdfInline.lines(trimBlankEdges(normalise(item == null ? "" : item)));
      if (!inline.isEmpty()) {
        JsonObject paragraph = node("paragraph").put("content", inline);
        listItems.add(node("listItem").put("content", new JsonArray().add(paragraph)));
      }
    }
    if (!listItems.isEmpty()) {
      content.add(node("bulletList").put("content", listItems));
    }
    return this;
  }

  /** A paragraph holding one link; a blank text shows the address itself. */
  public AdfDocument link(String text, String href) {
    String shown = normalise(text == null || text.isBlank() ? href : text).replace('\n', ' ');
    JsonObject mark =
        new JsonObject().put("type", "link").put("attrs", new JsonObject().put("href", href));
    JsonObject node =
        new JsonObject()
            .put("type", "text")
            .put("text", shown.trim())
            .put("marks", new JsonArray().add(mark));
    content.add(node("paragraph").put("content", new JsonArray().add(node)));
    return this;
  }

  /** A code block holding the text as it is; blank text adds nothing. */
  public AdfDocument codeBlock(String text) {
    String code = normalise(text == null ? "" : text);
    if (!code.isBlank()) {
      JsonObject node = new JsonObject().put("type", "text").put("text", code);
      content.add(node("codeBlock").put("content", new JsonArray().add(node)));
    }
    return this;
  }

  public boolean isEmpty() {
    return content.isEmpty();
  }

  public JsonObject toJson() {
    return new JsonObject().put("type", "doc").put("version", 1).put("content", content.copy());
  }

  private static JsonObject node(String type) {
    return new JsonObject().put("type", type);
  }

  static String normalise(String text) {
    if (!needsNormalising(text)) {
      return text;
    }
    String unixLines = text.replace("\r\n", "\n").replace('\r', '\n');
    return UNSAFE_CONTROLS.matcher(unixLines).replaceAll("");
  }

  /** The text cut at blank lines; a blank line needs two line breaks, so most text is one block. */
  static String[] blocks(String text) {
    int first = text.indexOf('\n');
    if (first < 0 || text.indexOf('\n', first + 1) < 0) {
      return new String[] {text};
    }
    return BLANK_LINES.split(text);
  }

  static String trimBlankEdges(String block) {
    if (block.isBlank()) {
      return "";
    }
    char last = block.charAt(block.length() - 1);
    if (!blankEdge(block.charAt(0)) && !blankEdge(last) && !lineTerminator(last)) {
      return block; // neither pattern can match ($ also matches before a last line terminator)
    }
    String start = LEADING_BLANK_LINES.matcher(block).replaceFirst("");
    return TRAILING_BLANK_LINES.matcher(start).replaceFirst("");
  }

  /** A carriage return or an unsafe control character: what {@link #normalise} changes. */
  private static boolean needsNormalising(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  private static boolean blankEdge(char c) {
    return c == '\n' || c == ' ' || c == '\t' || c == '\u00a0';
  }

  private static boolean lineTerminator(char c) {
    return c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }
}
