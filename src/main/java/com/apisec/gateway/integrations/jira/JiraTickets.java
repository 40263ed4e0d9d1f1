package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.BusRequest;
import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.store.TicketLedger;
import com.apisec.gateway.store.TicketLedger.Claim;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Free-form tickets for threat events and dashboard action items. The ticket ledger keeps one
 * ticket per account and subject, however often and however concurrently it is asked for; after a
 * create whose outcome is unknown, the next request searches Jira for the marked issue first.
 */
final class JiraTickets {
  private static final Logger LOG = LoggerFactory.getLogger(JiraTickets.class);
  private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]+");

  private final JiraSettingsService settings;
  private final JiraClient client;
  private final TicketLedger ledger;

  JiraTickets(JiraSettingsService settings, JiraClient client, TicketLedger ledger) {
    this.settings = settings;
    this.client = client;
    this.ledger = ledger;
  }

  /** A ticket and how it was got: created now, or found (in the ledger or at Jira). */
  private record Outcome(JiraIssue issue, String existingBecause) {
    JsonObject reply() {
      JsonObject out =
          new JsonObject().put("jiraTicketUrl", issue.url()).put("jiraTicketKey", issue.key());
      if (existingBecause != null) {
        out.put("existing", true).put("message", existingBecause);
      }
      return out;
    }
  }

  Future<JsonObject> createGeneral(BusRequest request) {
    TicketRequest ticket = TicketRequest.from(request.body());
    long account = request.accountId();
    return settings
        .connection(account)
        .compose(connection -> create(account, ticket, connection))
        .map(Outcome::reply);
  }

  private Future<Outcome> create(
      long account, TicketRequest ticket, JiraSettingsService.Connection connection) {
    IssueDraft draft = draft(account, ticket, connection.settings());
    if (draft.marker() == null) {
      return createNow(connection, draft);
    }
    return ledger
        .claim(account, JiraClient.VENDOR, draft.marker().subject())
        .compose(
            claim ->
                claim instanceof Claim.Create owned
                    ? createClaimed(owned, ticket, connection, draft)
                    : Future.succeededFuture(existing(ticket, (Claim.Existing) claim)));
  }

  private Future<Outcome> createNow(JiraSettingsService.Connection connection, IssueDraft draft) {
    return client.create(connection.credentials(), draft).map(this::created);
  }

  private Outcome created(JiraIssue issue) {
    LOG.debug("jira ticket created [project: {}, key: {}]", issue.projectKey(), issue.key());
    return new Outcome(issue, null);
  }

  private static Outcome existing(TicketRequest ticket, Claim.Existing claim) {
    JiraIssue issue = JiraIssue.fromJson(claim.ticket().getJsonObject("ticket"));
    String message =
        "A Jira ticket already exists for " + ticket.subjectInWords() + ": " + issue.key();
    return new Outcome(issue, message);
  }

  private Future<Outcome> createClaimed(
      Claim.Create claim,
      TicketRequest ticket,
      JiraSettingsService.Connection connection,
      IssueDraft draft) {
    Future<Outcome> attempt =
        claim.lookUpFirst()
            ? lookUp(connection, draft)
                .compose(
                    found ->
                        found == null
                            ? createNow(connection, draft)
                            : Future.succeededFuture(foundAtJira(ticket, found)))
            : createNow(connection, draft);
    return attempt
        .recover(e -> release(claim, e))
        .compose(outcome -> ledger.created(claim, outcome.issue().toJson()).map(outcome));
  }

  private Future<JiraIssue> lookUp(JiraSettingsService.Connection connection, IssueDraft draft) {
    Set<String> projects = connection.settings().projectKeys();
    return client
        .findByMarker(connection.credentials(), projects, draft.marker())
        .recover(
            e ->
                Future.failedFuture(
                    e instanceof GatewayException known
                        ? JiraErrors.UnknownOutcome.afterSearch(known.getMessage())
                        : e));
  }

  private static Outcome foundAtJira(TicketRequest ticket, JiraIssue issue) {
    String message =
        "The Jira ticket for "
            + ticket.subjectInWords()
            + " from an earlier attempt was found at Jira: "
            + issue.key();
    return new Outcome(issue, message);
  }

  /** Settles the claim after a failure, so waiting and later requests know what happened. */
  private Future<Outcome> release(Claim.Create claim, Throwable e) {
    if (e instanceof JiraErrors.UnknownOutcome unknown) {
      LOG.warn("jira ticket outcome unknown [claim: {}]", claim.id());
      return ledger.unknown(claim, unknown.getMessage()).transform(done -> Future.failedFuture(e));
    }
    String message = e instanceof GatewayException known ? known.getMessage() : "internal error";
    return ledger.failed(claim, message).transform(done -> Future.failedFuture(e));
  }

  private static IssueDraft draft(long account, TicketRequest ticket, JiraSettings settings) {
    if (!settings.projectKeys().contains(ticket.projId())) {
      throw GatewayException.invalid(
          "projId "
              + ticket.projId()
              + " is not a project of the Jira integration; add it with jira/add first");
    }
    String subject = ticket.subject();
    return new IssueDraft(
        ticket.projId(),
        issueTypeId(settings, ticket.projId(), ticket.issueType()),
        Summary.of(ticket.title()),
        ticket.content(),
        ticket.labels(),
        subject == null ? null : new TicketMarker(subject, account));
  }

  /** An id is used as given; a name is looked up among the project's stored issue types. */
  static String issueTypeId(JiraSettings settings, String projectKey, String issueType) {
    if (NUMERIC_ID.matcher(issueType).matches()) {
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
