package com.apisec.gateway.integrations.jira;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an issue description says, before a dialect writes it as ADF (Cloud) or wiki markup (Data
 * Center): free text, links, headings, bullet lists and code, in order. Empty parts are dropped
 * when they are added, so neither format ever gets an empty node.
 */
final class Description {
  private static final Pattern FENCE =
      Pattern.compile("(?ms)^[ \\t]*```[^\\n]*\\n(.*?)^[ \\t]*```");

  /** One part of a description. */
  sealed interface Block {}

  /** Free text: a blank line starts a new paragraph, a single line break is kept. */
  record Text(String text) implements Block {}

  /** A paragraph that is one link. */
  record Link(String text, String href) implements Block {}

  /** A heading of level 1 to 6. */
  record Heading(int level, String text) implements Block {}

  /** A bullet list; no item is blank. */
  record Bullets(List<String> items) implements Block {
    Bullets {
      items = List.copyOf(items);
    }
  }

  /** Preformatted text, kept as it is. */
  record Code(String text) implements Block {}

  private final List<Block> blocks = new ArrayList<>();

  static Description create() {
    return new Description();
  }

  /** Free text; fenced code ({@code ```}) inside it becomes a code block. */
  Description text(String text) {
    if (text == null || text.isBlank()) {
      return this;
    }
    if (!text.contains("```")) {
      prose(text);
      return this;
    }
    Matcher fence = FENCE.matcher(text);
    int written = 0;
    while (fence.find()) {
      prose(text.substring(written, fence.start()));
      code(fence.group(1));
      written = fence.end();
    }
    prose(text.substring(written));
    return this;
  }

  /** A link on its own line; without an http(s) target it is written as text. */
  Description link(String text, String href) {
    if (href == null || !href.matches("(?i)https?://\\S+")) {
      return text(text);
    }
    blocks.add(new Link(text == null || text.isBlank() ? href : text.trim(), href.trim()));
    return this;
  }

  Description heading(int level, String text) {
    if (level < 1 || level > 6) {
      throw new IllegalArgumentException("heading level must be 1 to 6");
    }
    if (text != null && !text.isBlank()) {
      blocks.add(new Heading(level, text.trim()));
    }
    return this;
  }

  Description bullets(List<String> items) {
    List<String> kept = items.stream().filter(i -> i != null && !i.isBlank()).toList();
    if (!kept.isEmpty()) {
      blocks.add(new Bullets(kept));
    }
    return this;
  }

  Description code(String text) {
    String trimmed = text == null ? "" : text.stripTrailing();
    if (!trimmed.isBlank()) {
      blocks.add(new Code(trimmed));
    }
    return this;
  }

  /** A block of another description, as it is. */
  Description append(Block block) {
    blocks.add(block);
    return this;
  }

  List<Block> blocks() {
    return List.copyOf(blocks);
  }

  boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** The description as plain text, for a file holding the whole of it. */
  String plainText() {
    StringBuilder out = new StringBuilder();
    for (Block block : blocks) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(plain(block));
    }
    return out.toString();
  }

  private static String plain(Block block) {
    if (block instanceof Text t) {
      return t.text().strip();
    }
    if (block instanceof Link l) {
      return l.text() + " (" + l.href() + ")";
    }
    if (block instanceof Heading h) {
      return h.text() + "\n" + "-".repeat(h.text().length());
    }
    if (block instanceof Bullets b) {
      return "- " + String.join("\n- ", b.items());
    }
    return ((Code) block).text();
  }

  private void prose(String text) {
    if (!text.isBlank()) {
      blocks.add(new Text(text));
    }
  }
}
