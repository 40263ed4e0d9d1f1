package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import java.util.regex.Pattern;

/**
 * Project and issue keys as Jira writes them. They are checked before use, since they go into URL
 * paths, JQL and store field names: those a user sends, and those Jira answers with, since a broken
 * or hostile answer would otherwise reach a browse link, the ticket ledger or a reply.
 */
final class JiraKeys {
  private static final Pattern PROJECT = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");
  private static final Pattern ISSUE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}-[0-9]{1,18}");

  private JiraKeys() {}

  static String project(String field, String key) {
    if (key == null || !PROJECT.matcher(key).matches()) {
      throw GatewayException.invalid(field + " must be a Jira project key such as SCRUM");
    }
    return key;
  }

  static String issue(String field, String key) {
    if (!isIssue(key)) {
      throw GatewayException.invalid(field + " must be a Jira issue key such as SCRUM-42");
    }
    return key;
  }

  /** Whether {@code key} is an issue key such as SCRUM-42. */
  static boolean isIssue(String key) {
    return key != null && ISSUE.matcher(key).matches();
  }
}
