package com.apisec.gateway.integrations.jira;

import java.util.List;

/** An issue to create, before the dialect writes it; {@code marker} is null without a subject. */
record IssueDraft(
    String projectKey,
    String issueTypeId,
    String summary,
    TicketContent content,
    List<String> labels,
    TicketMarker marker) {
  IssueDraft {
    labels = List.copyOf(labels);
  }
}
