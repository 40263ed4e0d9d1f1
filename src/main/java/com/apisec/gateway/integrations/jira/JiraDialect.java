package com.apisec.gateway.integrations.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What differs between Jira deployments on the wire: the REST base path, the authorization header,
 * how a description is written, how issues are searched, and how listings are paged.
 */
interface JiraDialect {
  /** The path of a REST resource, e.g. {@code /issue} becomes {@code /rest/api/3/issue}. */
  String rest(String resource);

  /** The value of the {@code Authorization} header. */
  String authorization(JiraCredentials credentials);

  /** The {@code description} field for a description, or null when it is empty. */
  Object description(Description description);

  /** The size of a written description, counted as Jira counts it against its limit. */
  int size(Object description);

  /** An issue property's value as this deployment's create body takes it. */
  Object propertyValue(JsonObject value);

  /** The path of the issue search. */
  String searchPath();

  /** A search body: the query, the fields and (where the search can return them) properties. */
  JsonObject searchBody(String jql, String propertyKey, int maxResults);

  /** Whether the search returns issue properties, or each must be read on its own. */
  boolean searchReturnsProperties();

  /** The path that lists a project's issue types, from {@code startAt}. */
  default String issueTypesPath(String projectKey, int startAt) {
    return rest("/issue/createmeta/" + projectKey + "/issuetypes?startAt=" + startAt);
  }

  /** The path that lists the create-screen fields of one issue type, from {@code startAt}. */
  default String fieldsPath(String projectKey, String issueTypeId, int startAt) {
    return rest(
        "/issue/createmeta/"
            + projectKey
            + "/issuetypes/"
            + issueTypeId
            + "?startAt="
            + startAt
            + "&maxResults=200");
  }

  /** One page of a listing; {@code next} is the start of the next page, or -1. */
  record Page(JsonArray items, int next) {}

  /** A page of the issue-type listing. */
  Page issueTypePage(JsonObject page);

  /** A page of the create-screen field listing. */
  Page fieldPage(JsonObject page);

  /**
   * The path of the site-wide field listing that carries the flags {@link #hiddenFieldId} reads.
   */
  String fieldFlagsPath(int startAt);

  /** A page of that listing. */
  Page fieldFlagPage(JsonObject page);

  /**
   * The create-meta id of a listed field that the create form leaves out (Jira flags it as locked,
   * or as not screenable), or null to keep it.
   */
  String hiddenFieldId(JsonObject field);
}
