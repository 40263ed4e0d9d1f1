package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.BusRequest;
import com.apisec.gateway.core.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Free-form tickets for threat events and dashboard action items. The subject (the event, or the
 * action item) gets one ticket per account, however often and concurrently it is asked for.
 */
final class JiraTickets {
  private static final Logger LOG = LoggerFactory.getLogger(JiraTickets.class);

  private final JiraSettingsService settings;
  private final TicketCreation creation;

  JiraTickets(JiraSettingsService settings, TicketCreation creation) {
    this.settings = settings;
    this.creation = creation;
  }

  Future<JsonObject> createGeneral(BusRequest request) {
    TicketRequest ticket = TicketRequest.from(request.body());
    long account = request.accountId();
    return settings
        .connection(account)
        .compose(
            connection -> {
              IssueDraft draft = draft(account, ticket, connection.settings());
              return creation.create(account, connection, draft, ticket.subjectInWords());
            })
        .onSuccess(
            outcome ->
                LOG.debug("jira ticket [key: {}, new: {}]", outcome.issue().key(), outcome.isNew()))
        .map(TicketOutcome::reply);
  }

  private static IssueDraft draft(long account, TicketRequest ticket, JiraSettings settings) {
    requireProject(settings, "projId", ticket.projId());
    String subject = ticket.subject();
    return new IssueDraft(
        ticket.projId(),
        issueTypeId(settings, ticket.projId(), ticket.issueType()),
        Summary.of(ticket.title()),
        ticket.content().toDescription(),
        ticket.labels(),
        new JsonObject(),
        subject == null ? null : new TicketMarker(subject, account));
  }

  /** A 422 naming {@code field} when the project is not one of the integration's. */
  static void requireProject(JiraSettings settings, String field, String projectKey) {
    if (!settings.projectKeys().contains(projectKey)) {
      throw GatewayException.invalid(
          field
              + " "
              + projectKey
              + " is not a project of the Jira integration; add it with jira/add first");
    }
  }

  /** Digits only, as Jira's ids are. */
  static boolean isNumericId(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** An id is used as given; a name is looked up among the project's stored issue types. */
  static String issueTypeId(JiraSettings settings, String projectKey, String issueType) {
    if (isNumericId(issueType)) {
      return issueType;
    }
    for (IssueType type : settings.issueTypes(projectKey)) {
      if (type.issueType().equalsIgnoreCase(issueType)) {
        return type.issueId();
      }
    }
    throw GatewayException.invalid(
        "issueType '"
            + issueType.replaceAll("\\p{Cntrl}", "")
            + "' is not an issue type of project "
            + projectKey
            + "; send its id or save the project again");
  }
}
