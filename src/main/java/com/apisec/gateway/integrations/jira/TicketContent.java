package com.apisec.gateway.integrations.jira;

import java.util.List;

/**
 * What a ticket says, before a dialect writes it: the user's text and the event details (event
 * type, threat event id, template id) listed under their own heading.
 */
record TicketContent(String description, List<Detail> details) {
  static final String DETAILS_TITLE = "Event details";

  /** The longest description text sent; Jira refuses text fields over 32,767 characters. */
  static final int MAX_DESCRIPTION = 30_000;

  /** One labelled value. */
  record Detail(String label, String value) {}

  TicketContent {
    description = description == null ? "" : Summary.cut(description, MAX_DESCRIPTION);
    details = List.copyOf(details);
  }

  /** The text, then the details as a bullet list under their heading. */
  Description toDescription() {
    Description out = Description.create().text(description);
    if (!details.isEmpty()) {
      List<String> items = details.stream().map(d -> d.label() + ": " + d.value()).toList();
      out.heading(3, DETAILS_TITLE).bullets(items);
    }
    return out;
  }
}
