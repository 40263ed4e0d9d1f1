package com.apisec.gateway.integrations.jira;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Jira labels from the dashboard's comma list: each trimmed, inner whitespace turned into {@code _}
 * (Jira refuses spaces in a label), empties dropped, duplicates removed, order kept.
 */
final class Labels {
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Labels() {}

  static List<String> fromCommaList(String text) {
    if (text == null) {
      return List.of();
    }
    return clean(List.of(text.split(",")));
  }

  static List<String> clean(List<String> raw) {
    Set<String> labels = new LinkedHashSet<>();
    for (String label : raw) {
      String cleaned = label == null ? "" : underscoreSpaces(label.trim());
      if (!cleaned.isEmpty()) {
        labels.add(cleaned);
      }
    }
    return List.copyOf(new ArrayList<>(labels));
  }

  /** Each run of whitespace as one {@code _}; without any, the label as it is. */
  static String underscoreSpaces(String label) {
    for (int i = 0; i < label.length(); i++) {
      if (isRegexSpace(label.charAt(i))) {
        return SPACES.matcher(label).replaceAll("_");
      }
    }
    return label;
  }

  /** What {@code \\s} matches: space, tab, line feed, vertical tab, form feed, carriage return. */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }
}
