package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The issue types of every project in a save, fetched in parallel. A project that Jira does not
 * list fails alone, with Jira's message; the save goes on with the others.
 */
record ProjectCheck(Map<String, List<IssueType>> succeeded, Map<String, String> failed) {

  ProjectCheck {
    succeeded = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(succeeded));
    failed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failed));
  }

  private record Outcome(String key, List<IssueType> types, String error) {}

  static Future<ProjectCheck> run(
      JiraMetaClient client, JiraCredentials credentials, Collection<String> keys) {
    List<Future<Outcome>> all = new ArrayList<>();
    for (String key : keys) {
      all.add(
          client
              .issueTypes(credentials, key)
              .map(types -> new Outcome(key, types, null))
              .recover(e -> failure(key, e)));
    }
    return Future.all(all).map(done -> combine(all));
  }

  private static Future<Outcome> failure(String key, Throwable e) {
    if (e instanceof GatewayException known) {
      return Future.succeededFuture(new Outcome(key, null, known.getMessage()));
    }
    return Future.failedFuture(e);
  }

  private static ProjectCheck combine(List<Future<Outcome>> all) {
    Map<String, List<IssueType>> succeeded = new LinkedHashMap<>();
    Map<String, String> failed = new LinkedHashMap<>();
    for (Future<Outcome> future : all) {
      Outcome outcome = future.result();
      if (outcome.error() == null) {
        succeeded.put(outcome.key(), outcome.types());
      } else {
        failed.put(outcome.key(), outcome.error());
      }
    }
    return new ProjectCheck(succeeded, failed);
  }

  /** Why no project could be saved: Jira's message, once when every project got the same one. */
  String summary() {
    Set<String> distinct = new LinkedHashSet<>(failed.values());
    if (distinct.size() == 1) {
      return distinct.iterator().next();
    }
    List<String> parts = new ArrayList<>();
    failed.forEach((key, message) -> parts.add(key + ": " + message));
    return "no project could be checked with Jira: " + String.join("; ", parts);
  }
}
