package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.BusRequest;
import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.store.Finding;
import com.apisec.gateway.store.PlatformStore;
import com.apisec.gateway.store.TicketLedger.Claim;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bulkCreateJiraTickets}: tickets for many findings through Jira's bulk create, in calls of
 * at most 50. Every finding is read first (an unknown one is a 422 before anything is created);
 * findings with a ticket are skipped and counted; each new ticket is linked to its own testing
 * issue and gets its samples.
 */
final class BulkTickets {
  private static final Logger LOG = LoggerFactory.getLogger(BulkTickets.class);
  private static final int PARALLEL = 4;

  private final JiraSettingsService settings;
  private final TicketCreation creation;
  private final JiraClient client;
  private final PlatformStore platform;
  private final FindingTickets findings;

  BulkTickets(
      JiraSettingsService settings,
      TicketCreation creation,
      JiraClient client,
      PlatformStore platform,
      FindingTickets findings) {
    this.settings = settings;
    this.creation = creation;
    this.client = client;
    this.platform = platform;
    this.findings = findings;
  }

  /** What one request knows while it works. */
  private record Job(
      long account, JiraSettingsService.Connection connection, BulkRequest bulk, String typeId) {}

  Future<JsonObject> create(BusRequest request) {
    BulkRequest bulk = BulkRequest.from(request.body());
    long account = request.accountId();
    return settings
        .connection(account)
        .compose(
            connection -> {
              JiraSettings stored = connection.settings();
              JiraTickets.requireProject(stored, "projId", bulk.projId());
              String typeId = JiraTickets.issueTypeId(stored, bulk.projId(), bulk.issueType());
              Job job = new Job(account, connection, bulk, typeId);
              return read(job).compose(found -> run(job, found));
            })
        .map(BulkReply::of);
  }

  /** Every finding, in request order; an unknown one fails the request, naming its place. */
  private Future<List<Finding>> read(Job job) {
    List<Supplier<Future<Finding>>> reads = new ArrayList<>();
    job.bulk()
        .issues()
        .forEach(item -> reads.add(() -> platform.finding(job.account(), item.id())));
    return Bounded.run(reads, PARALLEL * 2)
        .compose(
            outcomes -> {
              List<Finding> found = new ArrayList<>();
              for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).failed()) {
                  return Future.failedFuture(outcomes.get(i).cause());
                }
                if (outcomes.get(i).result() == null) {
                  String field = job.bulk().issues().get(i).field();
                  return Future.failedFuture(
                      GatewayException.invalid(field + " names no testing issue of this account"));
                }
                found.add(outcomes.get(i).result());
              }
              return Future.succeededFuture(found);
            });
  }

  private Future<List<BulkResult>> run(Job job, List<Finding> found) {
    Map<String, BulkResult> results = new ConcurrentHashMap<>();
    List<BulkChunk.Pending> pending = Collections.synchronizedList(new ArrayList<>());
    List<Supplier<Future<Void>>> claims = new ArrayList<>();
    found.forEach(finding -> claims.add(() -> claim(job, finding, pending, results)));
    return Bounded.run(claims, PARALLEL)
        .compose(done -> chunks(job, inRequestOrder(found, pending), results))
        .map(done -> found.stream().map(f -> results.get(f.id().subject())).toList());
  }

  /** Claims a finding's subject; what exists already is a result, the rest is to create. */
  private Future<Void> claim(
      Job job, Finding finding, List<BulkChunk.Pending> pending, Map<String, BulkResult> out) {
    String subject = finding.id().subject();
    if (FindingTickets.hasLink(finding)) {
      out.put(subject, skipped(finding, FindingTickets.linkedIssue(finding)));
      return Future.succeededFuture();
    }
    return creation
        .ledger()
        .claim(job.account(), JiraClient.VENDOR, subject)
        .compose(claim -> claimed(job, finding, claim, pending, out))
        .recover(e -> failed(out, finding, e));
  }

  private Future<Void> claimed(
      Job job,
      Finding finding,
      Claim claim,
      List<BulkChunk.Pending> pending,
      Map<String, BulkResult> out) {
    if (claim instanceof Claim.Existing existing) {
      JiraIssue issue = JiraIssue.fromJson(existing.ticket().getJsonObject("ticket"));
      return findings
          .link(job.account(), finding.id(), issue)
          .onSuccess(v -> out.put(finding.id().subject(), skipped(finding, issue)));
    }
    Claim.Create create = (Claim.Create) claim;
    BulkChunk.Pending item;
    try {
      item = pending(job, finding, create);
    } catch (RuntimeException e) {
      return creation.ledger().failed(create, Warnings.reason(e)).transform(done -> fail(e));
    }
    if (!create.lookUpFirst()) {
      pending.add(item);
      return Future.succeededFuture();
    }
    return lookUpFirst(job, item, pending, out);
  }

  /** After an unknown outcome: the ticket may be at Jira already, found by its marker. */
  private Future<Void> lookUpFirst(
      Job job,
      BulkChunk.Pending item,
      List<BulkChunk.Pending> pending,
      Map<String, BulkResult> out) {
    JiraSettingsService.Connection connection = job.connection();
    Finding finding = item.finding();
    return client
        .findByMarker(
            connection.credentials(), connection.settings().projectKeys(), item.draft().marker())
        .compose(
            found -> {
              if (found == null) {
                pending.add(item);
                return Future.succeededFuture();
              }
              return creation
                  .ledger()
                  .created(item.claim(), found.toJson())
                  .compose(v -> findings.link(job.account(), finding.id(), found))
                  .onSuccess(v -> out.put(finding.id().subject(), foundAtJira(finding, found)));
            })
        .recover(
            e ->
                creation
                    .ledger()
                    .unknown(item.claim(), Warnings.reason(e))
                    .transform(done -> failed(out, finding, e)));
  }

  private BulkChunk.Pending pending(Job job, Finding finding, Claim.Create claim) {
    BulkRequest bulk = job.bulk();
    CreateIssueRequest single =
        new CreateIssueRequest(
            bulk.projId(),
            bulk.issueType(),
            finding.id(),
            FindingText.none(),
            bulk.labels(),
            bulk.customFields());
    JiraSettings stored = job.connection().settings();
    IssueDraft draft = FindingTickets.draft(job.account(), stored, single, job.typeId(), finding);
    String link = FindingContent.dashboardLink(bulk.dashboardHost(), finding);
    Description description = FindingContent.description(finding, FindingText.none(), link);
    JiraDialect dialect = job.connection().credentials().deployment().dialect();
    DescriptionLimit.Fitted fitted = DescriptionLimit.fit(dialect, description);
    return new BulkChunk.Pending(
        finding, claim, draft.withDescription(fitted.description()), fitted);
  }

  /** The bulk calls, one after another, and each new ticket finished before the next call. */
  private Future<Void> chunks(
      Job job, List<BulkChunk.Pending> pending, Map<String, BulkResult> out) {
    BulkChunk calls = new BulkChunk(client, creation.ledger(), job.connection().credentials());
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < pending.size(); from += BulkChunk.SIZE) {
      List<BulkChunk.Pending> part =
          pending.subList(from, Math.min(pending.size(), from + BulkChunk.SIZE));
      chain = chain.compose(v -> chunk(job, calls, part, out));
    }
    return chain.recover(e -> unsettled(pending, out, e));
  }

  /**
   * A call that failed past its own settling stops the chunks after it; the claims with no result
   * yet are recorded as unknown (some may have been made), so that the next request looks first.
   */
  private Future<Void> unsettled(
      List<BulkChunk.Pending> pending, Map<String, BulkResult> out, Throwable e) {
    List<Future<Void>> settling = new ArrayList<>();
    for (BulkChunk.Pending item : pending) {
      if (!out.containsKey(item.finding().id().subject())) {
        settling.add(creation.ledger().unknown(item.claim(), Warnings.reason(e)));
      }
    }
    return Future.join(settling).transform(done -> fail(e));
  }

  private static Future<Void> fail(Throwable e) {
    return Future.failedFuture(e);
  }

  private Future<Void> chunk(
      Job job, BulkChunk calls, List<BulkChunk.Pending> part, Map<String, BulkResult> out) {
    List<BulkResult> failures = new ArrayList<>();
    return calls
        .run(part, failures)
        .compose(
            made -> {
              failures.forEach(f -> out.put(f.id().subject(), f));
              List<Supplier<Future<Void>>> finishing = new ArrayList<>();
              made.forEach(m -> finishing.add(() -> finish(job, m, out)));
              return Bounded.run(finishing, PARALLEL).mapEmpty();
            });
  }

  /**
   * Records, links and completes a new ticket. The ticket exists at Jira whatever fails here, so it
   * is reported as created, with what went wrong.
   */
  private Future<Void> finish(Job job, BulkChunk.Made made, Map<String, BulkResult> out) {
    Finding finding = made.pending().finding();
    JiraIssue issue = made.issue();
    List<String> warnings = Collections.synchronizedList(new ArrayList<>(made.warnings()));
    JiraCredentials credentials = job.connection().credentials();
    return creation
        .ledger()
        .created(made.pending().claim(), issue.toJson())
        .compose(v -> findings.link(job.account(), finding.id(), issue))
        .compose(v -> findings.attachSamples(credentials, finding, issue, warnings))
        .compose(v -> creation.attachFull(credentials, issue, made.pending().fitted(), warnings))
        .transform(
            done -> {
              if (done.failed()) {
                warnings.add(Warnings.reason(done.cause()));
              }
              out.put(finding.id().subject(), BulkResult.created(finding.id(), issue, warnings));
              return Future.<Void>succeededFuture();
            });
  }

  private static List<BulkChunk.Pending> inRequestOrder(
      List<Finding> found, List<BulkChunk.Pending> pending) {
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < found.size(); i++) {
      order.put(found.get(i).id().subject(), i);
    }
    List<BulkChunk.Pending> sorted = new ArrayList<>(pending);
    sorted.sort(Comparator.comparing(p -> order.get(p.finding().id().subject())));
    return sorted;
  }

  private static BulkResult skipped(Finding finding, JiraIssue issue) {
    return BulkResult.existing(
        finding.id(), issue, "The testing issue already has a Jira ticket: " + issue.key());
  }

  private static BulkResult foundAtJira(Finding finding, JiraIssue issue) {
    return BulkResult.existing(
        finding.id(),
        issue,
        "The ticket from an earlier attempt was found at Jira: " + issue.key());
  }

  private static Future<Void> failed(Map<String, BulkResult> out, Finding finding, Throwable e) {
    if (!(e instanceof GatewayException)) {
      LOG.error("jira bulk ticket failed [subject: {}]", finding.id().subject(), e);
    }
    out.put(finding.id().subject(), BulkResult.failed(finding.id(), Warnings.reason(e)));
    return Future.succeededFuture();
  }
}
