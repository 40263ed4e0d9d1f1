package com.apisec.gateway.integrations.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A ticket and how it was got: created now (with any warnings, such as labels left out), or found
 * in the ledger or at Jira, with the message that says so.
 */
record TicketOutcome(JiraIssue issue, String existingBecause, List<String> warnings) {
  TicketOutcome {
    warnings = List.copyOf(warnings);
  }

  static TicketOutcome created(JiraIssue issue, List<String> warnings) {
    return new TicketOutcome(issue, null, warnings);
  }

  static TicketOutcome existing(JiraIssue issue, String message) {
    return new TicketOutcome(issue, message, List.of());
  }

  boolean isNew() {
    return existingBecause == null;
  }

  TicketOutcome withWarnings(List<String> more) {
    List<String> all = new ArrayList<>(warnings);
    all.addAll(more);
    return new TicketOutcome(issue, existingBecause, all);
  }

  /** The reply the dashboard reads: the key and link, and what else happened. */
  JsonObject reply() {
    JsonObject out =
        new JsonObject().put("jiraTicketKey", issue.key()).put("jiraTicketUrl", issue.url());
    if (existingBecause != null) {
      out.put("existing", true).put("message", existingBecause);
    }
    if (!warnings.isEmpty()) {
      out.put("warnings", new JsonArray(warnings));
    }
    return out;
  }
}
