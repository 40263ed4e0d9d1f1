package com.apisec.gateway.integrations.jira;

import java.util.regex.Pattern;

/**
 * A Jira summary from a user's title: one line (Jira refuses line breaks there), at most 255
 * characters, cut between code points so that no surrogate pair is split.
 */
final class Summary {
  static final int MAX_LENGTH = 255;
  private static final Pattern BREAKS = Pattern.compile("[\\r\\n\\t\\p{Cntrl}]+");

  private Summary() {}

  static String of(String title) {
    String oneLine =
        title == null
            ? ""
            : Controls.any(title) ? BREAKS.matcher(title).replaceAll(" ").trim() : title.trim();
    return cut(oneLine, MAX_LENGTH);
  }

  /** At most {@code max} UTF-16 units of {@code text}, never ending inside a surrogate pair. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
