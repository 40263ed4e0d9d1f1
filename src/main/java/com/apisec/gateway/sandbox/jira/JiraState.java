package com.apisec.gateway.sandbox.jira;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one Jira stand-in remembers: its projects, the most recent issues created (at most {@link
 * #KEPT_ISSUES}; older ones are forgotten, so a long run does not fill the heap), and its settings.
 */
final class JiraState {
  static final int KEPT_ISSUES = 10_000;
  private static final int FIRST_ISSUE_ID = 10000;
  private static final int FIRST_ATTACHMENT_ID = 10100;

  private final Map<String, JiraIssue> issuesByKey = new LinkedHashMap<>();
  private final Map<String, JiraIssue> issuesById = new HashMap<>();
  private final Map<String, Integer> lastNumbers = new HashMap<>();
  private final Set<String> refuseLabels = new HashSet<>();
  private final Set<String> refusedSummaries = new HashSet<>();
  private int nextIssueId = FIRST_ISSUE_ID;
  private int nextAttachmentId = FIRST_ATTACHMENT_ID;

  Optional<JiraProject> project(String idOrKey) {
    return JiraProject.KNOWN.stream()
        .filter(p -> p.id().equals(idOrKey) || p.key().equalsIgnoreCase(idOrKey))
        .findFirst();
  }

  List<JiraProject> projects() {
    return JiraProject.KNOWN;
  }

  Optional<JiraIssue> issue(String idOrKey) {
    JiraIssue byId = issuesById.get(idOrKey);
    if (byId != null) {
      return Optional.of(byId);
    }
    return Optional.ofNullable(issuesByKey.get(idOrKey.toUpperCase(Locale.ROOT)));
  }

  /** Every issue, oldest first. */
  List<JiraIssue> issues() {
    return new ArrayList<>(issuesByKey.values());
  }

  JiraIssue create(JiraProject project, JsonObject fields, Map<String, Object> properties) {
    int number = lastNumbers.merge(project.key(), 1, Integer::sum);
    String id = String.valueOf(nextIssueId++);
    JiraIssue issue =
        new JiraIssue(id, project.key() + "-" + number, project, fields, Instant.now());
    issue.properties().putAll(properties);
    issuesByKey.put(issue.key(), issue);
    issuesById.put(id, issue);
    if (issuesByKey.size() > KEPT_ISSUES) {
      Iterator<JiraIssue> oldest = issuesByKey.values().iterator();
      issuesById.remove(oldest.next().id());
      oldest.remove();
    }
    return issue;
  }

  String nextAttachmentId() {
    return String.valueOf(nextAttachmentId++);
  }

  boolean refusesLabels(JiraProject project) {
    return refuseLabels.contains(project.key());
  }

  void refuseLabels(Set<String> projectKeys) {
    refuseLabels.clear();
    refuseLabels.addAll(projectKeys);
  }

  /** Whether a workflow validator set through {@code /_control} refuses this summary. */
  boolean refusesSummary(String summary) {
    return refusedSummaries.stream().anyMatch(summary::contains);
  }

  void refuseSummaries(Set<String> texts) {
    refusedSummaries.clear();
    refusedSummaries.addAll(texts);
  }

  void reset() {
    refusedSummaries.clear();
    issuesByKey.clear();
    issuesById.clear();
    lastNumbers.clear();
    refuseLabels.clear();
    nextIssueId = FIRST_ISSUE_ID;
    nextAttachmentId = FIRST_ATTACHMENT_ID;
  }
}
