package com.apisec.gateway.integrations.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline ADF content from plain text: text nodes (never empty), {@code hardBreak} nodes where the
 * text has a line break, and {@code link} marks on the http(s) URLs it contains. Everything else
 * (quotes, angle brackets, HTML) stays literal text.
 */
final class AdfInline {
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'`]+");
  private static final String TRAILING_PUNCTUATION = ".,;:!?";

  private AdfInline() {}

  /** Inline nodes for one paragraph; each single line break becomes a {@code hardBreak}. */
  static JsonArray lines(String text) {
    JsonArray nodes = new JsonArray();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0 && !nodes.isEmpty()) {
        nodes.add(new JsonObject().put("type", "hardBreak"));
      }
      addLine(nodes, lines[i]);
    }
    return nodes;
  }

  /** Inline nodes for one line of text, with links marked. */
  static JsonArray line(String text) {
    JsonArray nodes = new JsonArray();
    addLine(nodes, text.replace('\n', ' '));
    return nodes;
  }

  private static void addLine(JsonArray nodes, String line) {
    if (!mayHoldUrl(line)) {
      addText(nodes, line);
      return;
    }
    Matcher matcher = URL.matcher(line);
    int written = 0;
    while (matcher.find()) {
      String url = trimPunctuation(matcher.group());
      if (!isLinkable(url)) {
        continue;
      }
      addText(nodes, line.substring(written, matcher.start()));
      nodes.add(link(url));
      written = matcher.start() + url.length();
    }
    addText(nodes, line.substring(written));
  }

  /** False when {@link #URL} cannot match: every match holds {@code ://}. */
  static boolean mayHoldUrl(String line) {
    return line.contains("://");
  }

  private static void addText(JsonArray nodes, String text) {
    if (!text.isEmpty()) {
      nodes.add(new JsonObject().put("type", "text").put("text", text));
    }
  }

  private static JsonObject link(String url) {
    JsonObject mark =
        new JsonObject().put("type", "link").put("attrs", new JsonObject().put("href", url));
    return new JsonObject()
        .put("type", "text")
        .put("text", url)
        .put("marks", new JsonArray().add(mark));
  }

  private static String trimPunctuation(String url) {
    int end = url.length();
    while (end > 0 && closesSentence(url, end)) {
      end--;
    }
    return url.substring(0, end);
  }

  private static boolean closesSentence(String url, int end) {
    char last = url.charAt(end - 1);
    if (TRAILING_PUNCTUATION.indexOf(last) >= 0) {
      return true;
    }
    return last == ')' && url.lastIndexOf('(', end - 1) < 0;
  }

  private static boolean isLinkable(String url) {
    try {
      URI uri = new URI(url);
      return uri.getHost() != null && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
