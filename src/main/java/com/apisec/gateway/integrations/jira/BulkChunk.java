package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.store.Finding;
import com.apisec.gateway.store.TicketLedger;
import com.apisec.gateway.store.TicketLedger.Claim;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One bulk call of at most 50 issues and what follows it. Each issue Jira made is placed on its
 * request element by {@link BulkAnswer#match}; when the answer does not add up, the marker property
 * of each issue made tells whose it is. An element refused only for its labels is sent once more
 * without them. Every claim is then settled: created, failed, or (when nothing tells) unknown, so
 * that the next request looks at Jira first.
 */
final class BulkChunk {
  static final int SIZE = 50;

  /** A testing issue this request creates a ticket for: its finding, claim and draft. */
  record Pending(
      Finding finding, Claim.Create claim, IssueDraft draft, DescriptionLimit.Fitted fitted) {}

  /** A ticket made for a pending issue, with what the request should say about it. */
  record Made(Pending pending, JiraIssue issue, List<String> warnings) {}

  private final JiraClient client;
  private final TicketLedger ledger;
  private final JiraCredentials credentials;

  BulkChunk(JiraClient client, TicketLedger ledger, JiraCredentials credentials) {
    this.client = client;
    this.ledger = ledger;
    this.credentials = credentials;
  }

  /** Creates the chunk; the tickets made, with the failures already settled and reported. */
  Future<List<Made>> run(List<Pending> chunk, List<BulkResult> failures) {
    return send(chunk, false, failures);
  }

  private Future<List<Made>> send(List<Pending> chunk, boolean retry, List<BulkResult> failures) {
    List<IssueDraft> drafts =
        chunk.stream().map(p -> retry ? p.draft().withoutLabels() : p.draft()).toList();
    return client
        .createAll(credentials, drafts)
        .compose(answer -> placed(chunk, answer))
        .transform(
            done ->
                done.succeeded()
                    ? settle(chunk, done.result(), retry, failures)
                    : whollyFailed(chunk, done.cause(), failures));
  }

  private record Placed(
      Map<Integer, String> created, Map<Integer, BulkAnswer.ElementError> failed) {}

  private Future<Placed> placed(List<Pending> chunk, BulkAnswer answer) {
    BulkAnswer.Matching matching = answer.match(chunk.size());
    Map<Integer, String> created = new HashMap<>(matching.created());
    if (matching.unplaced().isEmpty()) {
      return Future.succeededFuture(new Placed(created, matching.failed()));
    }
    return byMarker(chunk, matching.unplaced(), created)
        .map(done -> new Placed(created, matching.failed()));
  }

  /** Reads the marker of each issue Jira made but did not place, and places it by its subject. */
  private Future<Void> byMarker(
      List<Pending> chunk, List<String> keys, Map<Integer, String> created) {
    List<Future<Void>> reads = new ArrayList<>();
    for (String key : keys) {
      reads.add(
          client
              .markerOf(credentials, key)
              .map(
                  value -> {
                    for (int i = 0; i < chunk.size(); i++) {
                      if (chunk.get(i).draft().marker().matches(value)) {
                        created.put(i, key);
                      }
                    }
                    return null;
                  }));
    }
    return Future.join(reads).<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }

  private Future<List<Made>> settle(
      List<Pending> chunk, Placed placed, boolean retry, List<BulkResult> failures) {
    List<Made> made = new ArrayList<>();
    List<Pending> withoutLabels = new ArrayList<>();
    List<Future<Void>> settling = new ArrayList<>();
    for (int i = 0; i < chunk.size(); i++) {
      Pending pending = chunk.get(i);
      String key = placed.created().get(i);
      BulkAnswer.ElementError error = placed.failed().get(i);
      if (key != null) {
        made.add(made(pending, key, retry));
      } else if (error != null
          && error.labelsRefused()
          && !retry
          && !pending.draft().labels().isEmpty()) {
        withoutLabels.add(pending);
      } else if (error != null) {
        settling.add(fail(pending, error.message(), failures));
      } else {
        settling.add(unknown(pending, failures));
      }
    }
    Future<List<Made>> again =
        withoutLabels.isEmpty()
            ? Future.succeededFuture(List.of())
            : send(withoutLabels, true, failures);
    return Future.all(settling)
        .compose(done -> again)
        .map(
            more -> {
              made.addAll(more);
              return made;
            });
  }

  private Made made(Pending pending, String key, boolean withoutLabels) {
    JiraIssue issue = JiraIssue.of(credentials.baseUrl(), key, pending.draft().projectKey());
    List<String> warnings = new ArrayList<>();
    if (withoutLabels) {
      warnings.add(Warnings.labelsDropped(pending.draft().projectKey()));
    }
    return new Made(pending, issue, warnings);
  }

  private Future<Void> fail(Pending pending, String message, List<BulkResult> failures) {
    failures.add(BulkResult.failed(pending.finding().id(), message));
    return ledger.failed(pending.claim(), message);
  }

  private Future<Void> unknown(Pending pending, List<BulkResult> failures) {
    String message =
        "Jira's answer did not say whether this issue was created; a retry will check Jira first";
    failures.add(BulkResult.failed(pending.finding().id(), message));
    return ledger.unknown(pending.claim(), message);
  }

  /** The call itself failed: nothing made, or (after a timeout or 5xx) nothing known. */
  private Future<List<Made>> whollyFailed(
      List<Pending> chunk, Throwable e, List<BulkResult> failures) {
    String message = Warnings.reason(e);
    boolean unknown = e instanceof JiraErrors.UnknownOutcome;
    List<Future<Void>> settling = new ArrayList<>();
    for (Pending pending : chunk) {
      failures.add(BulkResult.failed(pending.finding().id(), message));
      settling.add(
          unknown
              ? ledger.unknown(pending.claim(), message)
              : ledger.failed(pending.claim(), message));
    }
    if (!(e instanceof GatewayException)) {
      return Future.join(settling).transform(done -> Future.failedFuture(e));
    }
    return Future.join(settling).map(done -> List.of());
  }
}
