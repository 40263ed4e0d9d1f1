package com.apisec.gateway.integrations.jira;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a {@link Description} in Jira's wiki markup, the format of Data Center descriptions:
 * {@code h3.} headings, {@code * } bullets, {@code [text|url]} links and {@code {code}} blocks.
 * Text is escaped so that characters with a meaning in wiki markup show as typed; web addresses are
 * left whole so that Jira still links them.
 */
final class WikiMarkup {
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'`|\\[\\]{}]+");

  /** Markup characters; a dash only where it could open a strike-through, a ? only doubled. */
  private static final Pattern SPECIAL =
      Pattern.compile("[{}\\[\\]|*_^~+!]|(?<![^\\s])-(?=\\S)|\\?(?=\\?)");

  /** Line openings that make a heading, quote or numbered list. */
  private static final Pattern LINE_START = Pattern.compile("^(\\s*)(h[1-6]\\.|bq\\.|#)");

  private static final Pattern UNSAFE_CONTROLS =
      Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]");

  private WikiMarkup() {}

  static String render(Description description) {
    List<String> parts = new ArrayList<>();
    for (Description.Block block : description.blocks()) {
      parts.add(block(block));
    }
    return String.join("\n\n", parts);
  }

  private static String block(Description.Block block) {
    if (block instanceof Description.Text t) {
      return text(t.text());
    }
    if (block instanceof Description.Link l) {
      return "[" + escape(oneLine(l.text())) + "|" + href(l.href()) + "]";
    }
    if (block instanceof Description.Heading h) {
      return "h" + h.level() + ". " + escape(oneLine(h.text()));
    }
    if (block instanceof Description.Bullets b) {
      List<String> lines = new ArrayList<>();
      b.items().forEach(item -> lines.add("* " + escape(oneLine(item))));
      return String.join("\n", lines);
    }
    return code(((Description.Code) block).text());
  }

  /** Free text: paragraphs stay apart, lines inside one are kept, blank edges dropped. */
  private static String text(String text) {
    String clean = normalise(text).strip();
    List<String> lines = new ArrayList<>();
    for (String line : clean.split("\n", -1)) {
      lines.add(line.isBlank() ? "" : escape(line.stripTrailing()));
    }
    return String.join("\n", lines).replaceAll("\n{3,}", "\n\n");
  }

  private static String code(String text) {
    // A literal {code} inside would end the block early.
    String body = normalise(text).replace("{code", "{ code");
    return "{code}\n" + body + "\n{code}";
  }

  /** Escapes one line, leaving web addresses as they are. */
  static String escape(String line) {
    StringBuilder out = new StringBuilder();
    Matcher url = URL.matcher(line);
    int written = 0;
    while (url.find()) {
      out.append(escapeText(line.substring(written, url.start())));
      out.append(url.group());
      written = url.end();
    }
    out.append(escapeText(line.substring(written)));
    Matcher start = LINE_START.matcher(out);
    return start.find() ? start.replaceFirst("$1\\\\$2") : out.toString();
  }

  private static String escapeText(String text) {
    return SPECIAL.matcher(text).replaceAll(m -> "\\\\" + Matcher.quoteReplacement(m.group()));
  }

  private static String href(String href) {
    return href.trim().replace("|", "%7C").replace("]", "%5D").replace(" ", "%20");
  }

  private static String oneLine(String text) {
    return normalise(text).replace('\n', ' ').trim();
  }

  private static String normalise(String text) {
    String unixLines = text.replace("\r\n", "\n").replace('\r', '\n');
    return UNSAFE_CONTROLS.matcher(unixLines).replaceAll("");
  }
}
