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
 * list fails alone, with Jira's message; the save goes on with the others. {@code siteFailure} is
 * the message of a call that got no answer from Jira at all (the address refused or unreachable),
 * which is about {@code baseUrl} rather than a project; null when every call was answered.
 */
record ProjectCheck(
    Map<String, List<IssueType>> succeeded, Map<String, String> failed, String siteFailure) {

  ProjectCheck {
    succeeded = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(succeeded));
    failed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failed));
  }

  private record Outcome(String key, List<IssueType> types, String error, boolean site) {}

  static Future<ProjectCheck> run(
      JiraMetaClient client, JiraCredentials credentials, Collection<String> keys) {
    List<Future<Outcome>> all = new ArrayList<>();
    for (String key : keys) {
      all.add(
          client
              .issueTypes(credentials, key)
              .map(types -> new Outcome(key, types, null, false))
              .recover(e -> failure(key, e)));
    }
    return Future.all(all).map(done -> combine(all));
  }

  private static Future<Outcome> failure(String key, Throwable e) {
    if (e instanceof GatewayException known) {
      boolean site = known instanceof JiraErrors.NoAnswer;
      return Future.succeededFuture(new Outcome(key, null, known.getMessage(), site));
    }
    return Future.failedFuture(e);
  }

  private static ProjectCheck combine(List<Future<Outcome>> all) {
    Map<String, List<IssueType>> succeeded = new LinkedHashMap<>();
    Map<String, String> failed = new LinkedHashMap<>();
    String siteFailure = null;
    for (Future<Outcome> future : all) {
      Outcome outcome = future.result();
      if (outcome.error() == null) {
        succeeded.put(outcome.key(), outcome.types());
      } else {
        failed.put(outcome.key(), outcome.error());
        siteFailure = siteFailure == null && outcome.site() ? outcome.error() : siteFailure;
      }
    }
    return new ProjectCheck(succeeded, failed, siteFailure);
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
