package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.store.TicketLedger;
import com.apisec.gateway.store.TicketLedger.Claim;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates one issue the way every ticket operation does. With a subject, the ticket ledger keeps
 * one ticket per account and subject, and after a create whose outcome is unknown the next request
 * searches Jira for the marked issue first. A description over Jira's limit is cut and attached in
 * full; labels a project's screen refuses are dropped in a single retry. Both are reported.
 */
final class TicketCreation {
  private static final Logger LOG = LoggerFactory.getLogger(TicketCreation.class);

  private final JiraClient client;
  private final TicketLedger ledger;

  TicketCreation(JiraClient client, TicketLedger ledger) {
    this.client = client;
    this.ledger = ledger;
  }

  TicketLedger ledger() {
    return ledger;
  }

  /** Creates the draft's issue, or returns the one that exists for its subject. */
  Future<TicketOutcome> create(
      long account, JiraSettingsService.Connection connection, IssueDraft draft, String about) {
    if (draft.marker() == null) {
      return createNow(connection, draft);
    }
    return ledger
        .claim(account, JiraClient.VENDOR, draft.marker().subject())
        .compose(
            claim ->
                claim instanceof Claim.Create owned
                    ? createClaimed(owned, connection, draft, about)
                    : Future.succeededFuture(existing(about, (Claim.Existing) claim)));
  }

  private static TicketOutcome existing(String about, Claim.Existing claim) {
    JiraIssue issue = JiraIssue.fromJson(claim.ticket().getJsonObject("ticket"));
    return TicketOutcome.existing(
        issue, "A Jira ticket already exists for " + about + ": " + issue.key());
  }

  private Future<TicketOutcome> createClaimed(
      Claim.Create claim,
      JiraSettingsService.Connection connection,
      IssueDraft draft,
      String about) {
    return Future.succeededFuture(claim)
        .compose(owned -> attempt(owned, connection, draft, about))
        .recover(e -> release(claim, e))
        .compose(outcome -> ledger.created(claim, outcome.issue().toJson()).map(outcome));
  }

  /** The create itself, run inside a future so that even a throw settles the claim. */
  private Future<TicketOutcome> attempt(
      Claim.Create claim,
      JiraSettingsService.Connection connection,
      IssueDraft draft,
      String about) {
    if (!claim.lookUpFirst()) {
      return createNow(connection, draft);
    }
    return lookUp(connection, draft)
        .compose(
            found ->
                found == null
                    ? createNow(connection, draft)
                    : Future.succeededFuture(foundAtJira(about, found)));
  }

  /** Creates without asking the ledger: cut to Jira's limit, labels dropped if refused. */
  Future<TicketOutcome> createNow(JiraSettingsService.Connection connection, IssueDraft draft) {
    JiraCredentials credentials = connection.credentials();
    DescriptionLimit.Fitted fitted =
        DescriptionLimit.fit(credentials.deployment().dialect(), draft.description());
    IssueDraft sent = draft.withDescription(fitted.description());
    List<String> warnings = new ArrayList<>();
    return client
        .create(credentials, sent)
        .recover(e -> withoutLabels(credentials, sent, e, warnings))
        .compose(issue -> attachFull(credentials, issue, fitted, warnings))
        .map(issue -> TicketOutcome.created(issue, warnings));
  }

  private Future<JiraIssue> withoutLabels(
      JiraCredentials credentials, IssueDraft draft, Throwable e, List<String> warnings) {
    if (!(e instanceof JiraErrors.LabelsRefused) || draft.labels().isEmpty()) {
      return Future.failedFuture(e);
    }
    LOG.warn("jira refused labels, creating without them [project: {}]", draft.projectKey());
    warnings.add(Warnings.labelsDropped(draft.projectKey()));
    return client.create(credentials, draft.withoutLabels());
  }

  /** Attaches the whole description when it was cut; a failed upload is reported, not fatal. */
  Future<JiraIssue> attachFull(
      JiraCredentials credentials,
      JiraIssue issue,
      DescriptionLimit.Fitted fitted,
      List<String> warnings) {
    if (!fitted.cut()) {
      return Future.succeededFuture(issue);
    }
    String name = fitted.fullText().fileName();
    return client
        .attach(credentials, issue.key(), fitted.fullText())
        .map(done -> warnings.add(Warnings.descriptionCut(name)))
        .recover(e -> Future.succeededFuture(warnings.add(Warnings.fullTextLost(name, e))))
        .map(issue);
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

  private static TicketOutcome foundAtJira(String about, JiraIssue issue) {
    String message =
        "The Jira ticket for "
            + about
            + " from an earlier attempt was found at Jira: "
            + issue.key();
    return TicketOutcome.existing(issue, message);
  }

  /** Settles the claim after a failure, so waiting and later requests know what happened. */
  private Future<TicketOutcome> release(Claim.Create claim, Throwable e) {
    if (e instanceof JiraErrors.UnknownOutcome unknown) {
      LOG.warn("jira ticket outcome unknown [claim: {}]", claim.id());
      return ledger.unknown(claim, unknown.getMessage()).transform(done -> Future.failedFuture(e));
    }
    String message = e instanceof GatewayException known ? known.getMessage() : "internal error";
    return ledger.failed(claim, message).transform(done -> Future.failedFuture(e));
  }
}
