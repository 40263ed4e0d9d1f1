package com.apisec.gateway.integrations.jira;

import io.vertx.core.Future;
import java.util.List;

/**
 * Where the search cannot return issue properties (Data Center), the marker of each candidate is
 * read on its own, newest first, until one matches.
 */
final class MarkerReads {
  private MarkerReads() {}

  static Future<JiraIssue> firstMarked(
      JiraClient client, JiraCredentials credentials, List<String> keys, TicketMarker marker) {
    return next(client, credentials, keys, 0, marker);
  }

  private static Future<JiraIssue> next(
      JiraClient client,
      JiraCredentials credentials,
      List<String> keys,
      int index,
      TicketMarker marker) {
    if (index >= keys.size()) {
      return Future.succeededFuture(null);
    }
    String key = keys.get(index);
    return client
        .markerOf(credentials, key)
        .compose(
            value ->
                marker.matches(value)
                    ? Future.succeededFuture(
                        JiraIssue.of(credentials.baseUrl(), key, JiraIssue.projectOf(key)))
                    : next(client, credentials, keys, index + 1, marker));
  }
}
