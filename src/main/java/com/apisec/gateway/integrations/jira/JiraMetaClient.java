package com.apisec.gateway.integrations.jira;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * Reads about a Jira site: a project's issue types, the fields of its create screens, the site's
 * field flags, the priorities and the workflow statuses. Listings are followed page by page, at
 * most {@value #MAX_PAGES} pages ({@value #MAX_FLAG_PAGES} for the site's fields).
 */
final class JiraMetaClient {
  static final int MAX_PAGES = 10;
  static final int MAX_FLAG_PAGES = 20;

  private final JiraHttp http;

  JiraMetaClient(JiraHttp http) {
    this.http = http;
  }

  /** The issue types a project offers for new issues. */
  Future<List<IssueType>> issueTypes(JiraCredentials credentials, String projectKey) {
    JiraDialect dialect = credentials.deployment().dialect();
    return pages(
            credentials,
            startAt -> dialect.issueTypesPath(projectKey, startAt),
            (d, page) -> d.issueTypePage(page))
        .map(JiraMetaClient::toIssueTypes);
  }

  /** The fields on the create screen of one issue type, as Jira describes them. */
  Future<JsonArray> fields(JiraCredentials credentials, String projectKey, String issueTypeId) {
    JiraDialect dialect = credentials.deployment().dialect();
    return pages(
        credentials,
        startAt -> dialect.fieldsPath(projectKey, issueTypeId, startAt),
        (d, page) -> d.fieldPage(page));
  }

  /** Every field of the site as the listing that flags locked (and unscreenable) fields has it. */
  Future<JsonArray> fieldFlags(JiraCredentials credentials) {
    JiraDialect dialect = credentials.deployment().dialect();
    return page(
        credentials,
        dialect::fieldFlagsPath,
        (d, page) -> d.fieldFlagPage(page),
        new Paging(0, 1, MAX_FLAG_PAGES),
        new JsonArray());
  }

  /** The site's priorities. */
  Future<JsonArray> priorities(JiraCredentials credentials) {
    return http.getArray(credentials, credentials.deployment().dialect().rest("/priority"));
  }

  /** Each issue type of a project with the statuses of its workflow. */
  Future<JsonArray> statuses(JiraCredentials credentials, String projectKey) {
    String path = credentials.deployment().dialect().rest("/project/" + projectKey + "/statuses");
    return http.getArray(credentials, path);
  }

  private Future<JsonArray> pages(
      JiraCredentials credentials,
      IntFunction<String> path,
      BiFunction<JiraDialect, JsonObject, JiraDialect.Page> reader) {
    return page(credentials, path, reader, new Paging(0, 1, MAX_PAGES), new JsonArray());
  }

  /** Where a listing stands: the next page's start, its number, and the last number to read. */
  private record Paging(int startAt, int number, int maxPages) {
    Paging next(int nextStart) {
      return new Paging(nextStart, number + 1, maxPages);
    }
  }

  private Future<JsonArray> page(
      JiraCredentials credentials,
      IntFunction<String> path,
      BiFunction<JiraDialect, JsonObject, JiraDialect.Page> reader,
      Paging paging,
      JsonArray out) {
    JiraDialect dialect = credentials.deployment().dialect();
    return http.getObject(credentials, path.apply(paging.startAt()))
        .compose(
            json -> {
              JiraDialect.Page page = reader.apply(dialect, json);
              out.addAll(page.items());
              if (page.next() < 0 || paging.number() >= paging.maxPages()) {
                return Future.succeededFuture(out);
              }
              return page(credentials, path, reader, paging.next(page.next()), out);
            });
  }

  /** Types whose id is not a number are left out: the id is stored and goes into URL paths. */
  private static List<IssueType> toIssueTypes(JsonArray items) {
    List<IssueType> types = new ArrayList<>();
    for (Object item : items) {
      if (item instanceof JsonObject json && json.getValue("id") != null) {
        String id = String.valueOf(json.getValue("id"));
        if (JiraTickets.isNumericId(id)) {
          types.add(new IssueType(id, json.getString("name", "")));
        }
      }
    }
    return List.copyOf(types);
  }
}
