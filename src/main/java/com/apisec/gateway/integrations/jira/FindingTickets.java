package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.BusRequest;
import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.store.Finding;
import com.apisec.gateway.store.PlatformStore;
import com.apisec.gateway.store.TestingIssueId;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code createJiraIssue}: one ticket for one of the platform's findings. The finding is read from
 * the account's own database; the ticket gets the finding's text, its mapped priority, the
 * dashboard's labels and fields, and its samples as an attached file; the link is written back on
 * the testing issue. A finding that has a ticket already gets that one back.
 */
final class FindingTickets {
  private static final Logger LOG = LoggerFactory.getLogger(FindingTickets.class);

  private final JiraSettingsService settings;
  private final TicketCreation creation;
  private final JiraClient client;
  private final PlatformStore platform;

  FindingTickets(
      JiraSettingsService settings,
      TicketCreation creation,
      JiraClient client,
      PlatformStore platform) {
    this.settings = settings;
    this.creation = creation;
    this.client = client;
    this.platform = platform;
  }

  Future<JsonObject> create(BusRequest request) {
    CreateIssueRequest create = CreateIssueRequest.from(request.body());
    long account = request.accountId();
    return settings
        .connection(account)
        .compose(
            connection -> {
              JiraSettings stored = connection.settings();
              JiraTickets.requireProject(stored, "projId", create.projId());
              String typeId = JiraTickets.issueTypeId(stored, create.projId(), create.issueType());
              return finding(account, create.testingIssueId())
                  .compose(finding -> ticket(account, connection, create, typeId, finding));
            })
        .map(TicketOutcome::reply);
  }

  private Future<Finding> finding(long account, TestingIssueId id) {
    return platform
        .finding(account, id)
        .compose(
            found ->
                found != null
                    ? Future.succeededFuture(found)
                    : Future.failedFuture(
                        GatewayException.invalid(
                            CreateIssueRequest.META
                                + ".testingIssueId names no testing issue of this account")));
  }

  private Future<TicketOutcome> ticket(
      long account,
      JiraSettingsService.Connection connection,
      CreateIssueRequest create,
      String typeId,
      Finding finding) {
    if (hasLink(finding)) {
      return Future.succeededFuture(linkedAlready(finding));
    }
    IssueDraft draft = draft(account, connection.settings(), create, typeId, finding);
    return creation
        .create(account, connection, draft, about(finding.id()))
        .compose(outcome -> afterCreate(account, connection, finding, outcome));
  }

  static IssueDraft draft(
      long account,
      JiraSettings stored,
      CreateIssueRequest create,
      String typeId,
      Finding finding) {
    JsonObject fields = create.customFields().copy();
    PriorityMapping mapping =
        PriorityMapping.of(stored.projectMappings().getJsonObject(create.projId()));
    if (mapping != null) {
      mapping.applyTo(fields, finding.severity());
    }
    return new IssueDraft(
        create.projId(),
        typeId,
        FindingContent.summary(finding, create.text()),
        FindingContent.description(finding, create.text(), null),
        create.labels(),
        fields,
        new TicketMarker(finding.id().subject(), account));
  }

  /** A new ticket is linked and gets the samples; a known one is linked if the link is missing. */
  private Future<TicketOutcome> afterCreate(
      long account,
      JiraSettingsService.Connection connection,
      Finding finding,
      TicketOutcome outcome) {
    Future<Void> linked =
        hasLink(finding) ? Future.succeededFuture() : link(account, finding.id(), outcome.issue());
    if (!outcome.isNew()) {
      return linked.map(outcome);
    }
    return linked.compose(v -> attachSamples(connection.credentials(), finding, outcome));
  }

  Future<Void> link(long account, TestingIssueId id, JiraIssue issue) {
    PlatformStore.TicketLink link =
        new PlatformStore.TicketLink(
            "jiraIssueUrl", issue.url(), "JIRA", issue.projectKey(), issue.key());
    return platform
        .linkTicket(account, id, link)
        .recover(
            e -> {
              LOG.error("jira link not written [account: {}, key: {}]", account, issue.key(), e);
              return Future.failedFuture(
                  GatewayException.vendor(
                      "the Jira issue "
                          + issue.key()
                          + " was created but the testing issue could not be linked to it;"
                          + " ask again to link it"));
            });
  }

  private Future<TicketOutcome> attachSamples(
      JiraCredentials credentials, Finding finding, TicketOutcome outcome) {
    List<String> warnings = new ArrayList<>();
    return attachSamples(credentials, finding, outcome.issue(), warnings)
        .map(done -> outcome.withWarnings(warnings));
  }

  /** Attaches the samples as one file; a failed upload is reported, the ticket stands. */
  Future<Void> attachSamples(
      JiraCredentials credentials, Finding finding, JiraIssue issue, List<String> warnings) {
    SampleFile.Rendered file = samples(finding);
    if (file == null) {
      return Future.succeededFuture();
    }
    return client
        .attach(credentials, issue.key(), file)
        .<Void>mapEmpty()
        .recover(
            e -> {
              warnings.add(Warnings.samplesNotAttached(e));
              return Future.succeededFuture();
            });
  }

  /** The samples file of a finding, or null when it has no sample. */
  static SampleFile.Rendered samples(Finding finding) {
    String original = finding.originalMessage();
    String test = finding.testMessage();
    boolean none = (original == null || original.isBlank()) && (test == null || test.isBlank());
    return none ? null : SampleFile.render(original, test);
  }

  static boolean hasLink(Finding finding) {
    return finding.existingTicketUrl() != null && !finding.existingTicketUrl().isBlank();
  }

  private static TicketOutcome linkedAlready(Finding finding) {
    JiraIssue issue = linkedIssue(finding);
    return TicketOutcome.existing(
        issue, "The testing issue already has a Jira ticket: " + issue.key());
  }

  /** The ticket a testing issue's link names. */
  static JiraIssue linkedIssue(Finding finding) {
    String url = finding.existingTicketUrl();
    String key = url.substring(url.lastIndexOf('/') + 1);
    return new JiraIssue(key, JiraIssue.projectOf(key), url);
  }

  static String about(TestingIssueId id) {
    return "the testing issue " + id.testSubCategory() + " on " + id.method() + " " + id.url();
  }
}
