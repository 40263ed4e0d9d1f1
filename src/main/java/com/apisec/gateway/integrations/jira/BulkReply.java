package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The answer to a bulk request: every testing issue's outcome, the counts, and the dashboard's
 * {@code errorMessage}, which says how many issues were skipped because they had a ticket, and how
 * many could not get one. When nothing could be created and something failed, it is a 422.
 */
final class BulkReply {
  private BulkReply() {}

  static JsonObject of(List<BulkResult> results) {
    long created = count(results, BulkResult.Status.CREATED);
    long existing = count(results, BulkResult.Status.EXISTING);
    long failed = count(results, BulkResult.Status.FAILED);
    if (created == 0 && failed > 0) {
      String skipped = existing == 0 ? "" : "; " + existing + " already had a ticket";
      throw GatewayException.vendor(
          "No Jira ticket could be created: " + firstFailure(results) + skipped);
    }
    JsonArray tickets = new JsonArray();
    results.forEach(result -> tickets.add(result.toJson()));
    return new JsonObject()
        .put("errorMessage", message(results.size(), created, existing, failed, results))
        .put("createdCount", created)
        .put("skippedCount", existing)
        .put("failedCount", failed)
        .put("tickets", tickets);
  }

  private static String message(
      int total, long created, long existing, long failed, List<BulkResult> results) {
    if (created == 0 && failed == 0) {
      return "All selected issues already have existing Jira tickets."
          + " No new tickets were created.";
    }
    if (failed > 0) {
      String skipped = existing == 0 ? "" : "; " + existing + " already had a ticket";
      return "Jira tickets could not be created for "
          + failed
          + " of "
          + total
          + " selected issues ("
          + firstFailure(results)
          + ")"
          + skipped
          + ".";
    }
    if (existing > 0) {
      return "Jira tickets created for all selected issues, except for "
          + existing
          + " issues that already have tickets.";
    }
    return null;
  }

  private static String firstFailure(List<BulkResult> results) {
    return results.stream()
        .filter(r -> r.status() == BulkResult.Status.FAILED)
        .map(BulkResult::message)
        .findFirst()
        .orElse("");
  }

  private static long count(List<BulkResult> results, BulkResult.Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }
}
