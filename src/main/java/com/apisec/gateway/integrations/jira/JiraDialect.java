package com.apisec.gateway.integrations.jira;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What differs between Jira deployments on the wire: the REST base path, the authorization header,
 * how a description is written, and the shape of the issue-type listing.
 */
interface JiraDialect {
  /** The path of a REST resource, e.g. {@code /issue} becomes {@code /rest/api/3/issue}. */
  String rest(String resource);

  /** The value of the {@code Authorization} header. */
  String authorization(JiraCredentials credentials);

  /** The {@code description} field for a ticket, or null when the ticket has no text. */
  Object description(TicketContent content);

  /** The path of the JQL search that can return issue properties. */
  String searchPath();

  /** The path that lists a project's issue types, from {@code startAt}. */
  String issueTypesPath(String projectKey, int startAt);

  /** One page of issue types; {@code next} is the start of the next page, or -1. */
  record IssueTypePage(List<IssueType> issueTypes, int next) {}

  IssueTypePage issueTypes(JsonObject page);
}
