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
      String cleaned = label == null ? "" : SPACES.matcher(label.trim()).replaceAll("_");
      if (!cleaned.isEmpty()) {
        labels.add(cleaned);
      }
    }
    return List.copyOf(new ArrayList<>(labels));
  }
}
