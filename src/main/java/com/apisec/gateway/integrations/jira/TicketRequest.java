package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The body of {@code createGeneralJiraTicket}, checked. Its subject (a threat event, or else a
 * dashboard action item) decides whether a ticket already exists; without one, every request
 * creates a new ticket.
 */
record TicketRequest(
    String title,
    String description,
    String projId,
    String issueType,
    List<String> labels,
    String templateId,
    String eventType,
    String threatEventId,
    String actionItemType) {

  private static final String DEFAULT_EVENT_TYPE = "THREAT";

  TicketRequest {
    labels = List.copyOf(labels);
  }

  static TicketRequest from(JsonObject body) {
    BodyFields fields = BodyFields.of(body);
    String title = fields.required("title");
    if (Summary.of(title).isEmpty()) {
      throw GatewayException.invalid("title is required");
    }
    return new TicketRequest(
        title,
        fields.string("description"),
        JiraKeys.project("projId", fields.required("projId")),
        fields.required("issueType"),
        labels(fields, body.getValue("labels")),
        fields.trimmed("templateId"),
        upper(fields.trimmed("eventType")),
        fields.trimmed("threatEventId"),
        fields.trimmed("actionItemType"));
  }

  /** What the ticket is about, or null when nothing identifies it. */
  String subject() {
    if (threatEventId != null) {
      return "event:" + effectiveEventType() + ":" + threatEventId;
    }
    return actionItemType == null ? null : "action-item:" + actionItemType;
  }

  /** The subject in words, for messages. */
  String subjectInWords() {
    if (threatEventId != null) {
      return effectiveEventType().toLowerCase(Locale.ROOT) + " event " + threatEventId;
    }
    return "action item " + actionItemType;
  }

  TicketContent content() {
    List<TicketContent.Detail> details = new ArrayList<>();
    add(details, "Event type", eventType);
    add(details, "Threat event id", threatEventId);
    add(details, "Template id", templateId);
    add(details, "Action item", actionItemType);
    return new TicketContent(description, details);
  }

  private String effectiveEventType() {
    return eventType == null ? DEFAULT_EVENT_TYPE : eventType;
  }

  private static void add(List<TicketContent.Detail> details, String label, String value) {
    if (value != null) {
      details.add(new TicketContent.Detail(label, value));
    }
  }

  private static List<String> labels(BodyFields fields, Object value) {
    if (value == null || value instanceof String) {
      return Labels.fromCommaList((String) value);
    }
    if (value instanceof JsonArray array && array.stream().allMatch(v -> v instanceof String)) {
      return Labels.clean(array.stream().map(String.class::cast).toList());
    }
    throw GatewayException.invalid(fields.name("labels") + " must be a comma-separated string");
  }

  private static String upper(String text) {
    return text == null ? null : text.toUpperCase(Locale.ROOT);
  }
}
