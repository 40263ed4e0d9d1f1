package com.apisec.gateway.integrations.jira;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Keeps a description within Jira's limit for a text field (32,767 characters). A longer one is cut
 * at a block boundary or inside a text block, with a note saying so, and the whole text is kept to
 * be attached to the issue as a file.
 */
final class DescriptionLimit {
  static final int JIRA_MAX = 32_767;
  private static final int NOTE_ROOM = 1_000;
  private static final int STEP = 2_000;

  /**
   * What one character of a description can grow to in either format, at most: six in JSON ({@code
   * \\u0000}), a {@code hardBreak} node for a line break, a link mark around a URL.
   */
  static final int PER_CHAR = 24;

  /** What a block or a list item adds besides its text, at most. */
  static final int PER_PART = 160;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The description to send, and the file with the whole text when it had to be cut. */
  record Fitted(Description description, SampleFile.Rendered fullText) {
    boolean cut() {
      return fullText != null;
    }
  }

  private DescriptionLimit() {}

  static Fitted fit(JiraDialect dialect, Description description) {
    return fit(dialect, description, JIRA_MAX);
  }

  static Fitted fit(JiraDialect dialect, Description description, int max) {
    if (bound(description) <= max || size(dialect, description) <= max) {
      return new Fitted(description, null);
    }
    String fileName = "description-" + suffix() + ".txt";
    for (int budget = max - NOTE_ROOM; budget > 0; budget -= STEP) {
      Description cut = cut(dialect, description, budget).text(note(fileName));
      if (size(dialect, cut) <= max) {
        return new Fitted(cut, new SampleFile.Rendered(fileName, description.plainText()));
      }
    }
    Description noteOnly = Description.create().text(note(fileName));
    return new Fitted(noteOnly, new SampleFile.Rendered(fileName, description.plainText()));
  }

  /** The blocks that fit in {@code budget}, the first that does not cut to what is left. */
  private static Description cut(JiraDialect dialect, Description description, int budget) {
    Description out = Description.create();
    int used = 0;
    for (Description.Block block : description.blocks()) {
      int size = size(dialect, single(block));
      if (used + size <= budget) {
        add(out, block);
        used += size;
        continue;
      }
      String text = textOf(block);
      if (text != null) {
        int keep = (int) ((long) (budget - used) * text.length() / Math.max(1, size));
        add(out, shortened(block, Summary.cut(text, Math.max(0, keep - 20)) + " [...]"));
      }
      break;
    }
    return out;
  }

  private static String note(String fileName) {
    return "This description is longer than Jira allows ("
        + String.format(Locale.ROOT, "%,d", JIRA_MAX)
        + " characters) and was cut here; the full text is attached as "
        + fileName
        + ".";
  }

  private static String textOf(Description.Block block) {
    if (block instanceof Description.Text t) {
      return t.text();
    }
    return block instanceof Description.Code c ? c.text() : null;
  }

  private static Description.Block shortened(Description.Block block, String text) {
    return block instanceof Description.Code
        ? new Description.Code(text)
        : new Description.Text(text);
  }

  private static Description single(Description.Block block) {
    Description one = Description.create();
    add(one, block);
    return one;
  }

  private static void add(Description out, Description.Block block) {
    out.append(block);
  }

  /**
   * More than either format can make of the description, counted without writing it: most
   * descriptions are far below the limit, and writing one just to measure it costs as much as
   * writing it to send.
   */
  static long bound(Description description) {
    long bound = 0;
    for (Description.Block block : description.blocks()) {
      bound += PER_PART + (long) PER_CHAR * characters(block);
      if (block instanceof Description.Bullets b) {
        bound += (long) PER_PART * b.items().size();
      }
    }
    return bound;
  }

  private static long characters(Description.Block block) {
    if (block instanceof Description.Text t) {
      return t.text().length();
    }
    if (block instanceof Description.Link l) {
      return l.text().length() + l.href().length();
    }
    if (block instanceof Description.Heading h) {
      return h.text().length();
    }
    if (block instanceof Description.Bullets b) {
      return b.items().stream().mapToLong(String::length).sum();
    }
    return ((Description.Code) block).text().length();
  }

  static int size(JiraDialect dialect, Description description) {
    return dialect.size(dialect.description(description));
  }

  private static String suffix() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
