package com.apisec.gateway.sandbox.jira;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of JQL the stand-in understands: {@code project = X}, {@code project in (A, B)}, {@code
 * key = X-1}, joined by AND, and {@code ORDER BY created [ASC|DESC]}. Other AND clauses (such as
 * {@code created >= -60m}) are ignored, which can only return more issues than Jira would. OR and
 * NOT would change what a clause means, so they are refused.
 *
 * @param projects the project keys or ids asked for; empty means any
 * @param key the issue key asked for, or null
 * @param newestFirst the order: created descending (the default) or ascending
 */
record Jql(Set<String> projects, String key, boolean newestFirst) {
  private static final Pattern ORDER_BY =
      Pattern.compile("(?i)\\s*\\bORDER\\s+BY\\s+(\\w+)(\\s+(ASC|DESC))?\\s*$");
  private static final Pattern AND = Pattern.compile("(?i)\\s+AND\\s+");
  private static final Pattern UNSUPPORTED = Pattern.compile("(?i)(\\bOR\\b|\\bNOT\\b|!=)");
  private static final Pattern PROJECT_IS =
      Pattern.compile("(?i)project\\s*=\\s*\"?([A-Za-z0-9_]+)\"?");
  private static final Pattern PROJECT_IN = Pattern.compile("(?i)project\\s+in\\s*\\((.*)\\)");
  private static final Pattern KEY_IS =
      Pattern.compile("(?i)(?:key|issuekey)\\s*=\\s*\"?([A-Za-z0-9_]+-\\d+)\"?");

  /**
   * Reads a JQL query; throws {@link IllegalArgumentException} with Jira-like text if unsupported.
   */
  static Jql parse(String jql) {
    String text = jql == null ? "" : jql.trim();
    boolean newestFirst = true;
    Matcher order = ORDER_BY.matcher(text);
    if (order.find()) {
      newestFirst = order.group(3) == null || order.group(3).equalsIgnoreCase("DESC");
      text = text.substring(0, order.start()).trim();
    }
    if (UNSUPPORTED.matcher(text).find()) {
      throw new IllegalArgumentException("The sandbox supports only AND between JQL clauses.");
    }

    Set<String> projects = new LinkedHashSet<>();
    String key = null;
    for (String clause : text.isEmpty() ? new String[0] : AND.split(text)) {
      String trimmed = clause.trim();
      Matcher is = PROJECT_IS.matcher(trimmed);
      Matcher in = PROJECT_IN.matcher(trimmed);
      Matcher keyIs = KEY_IS.matcher(trimmed);
      if (is.matches()) {
        projects.add(is.group(1));
      } else if (in.matches()) {
        Arrays.stream(in.group(1).split(","))
            .map(p -> p.trim().replace("\"", ""))
            .filter(p -> !p.isEmpty())
            .forEach(projects::add);
      } else if (keyIs.matches()) {
        key = keyIs.group(1).toUpperCase(Locale.ROOT);
      }
    }
    return new Jql(projects, key, newestFirst);
  }
}
