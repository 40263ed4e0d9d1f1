package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.outbound.OutboundClient;
import com.apisec.gateway.outbound.OutboundException;
import com.apisec.gateway.outbound.OutboundRequest;
import com.apisec.gateway.outbound.OutboundRequest.Retry;
import com.apisec.gateway.outbound.OutboundResponse;
import com.apisec.gateway.outbound.VendorUrl;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Speaks Jira's wire format through the shared outbound client: issue types, issue creation with
 * the gateway's marker property, the search for a marked issue, and attachments. Failures come back
 * as {@link GatewayException}s that carry Jira's own message.
 */
final class JiraClient {
  static final String VENDOR = "jira";
  private static final int MAX_TYPE_PAGES = 10;
  private static final int SEARCH_PAGE_SIZE = 50;

  private final OutboundClient outbound;

  JiraClient(OutboundClient outbound) {
    this.outbound = outbound;
  }

  /** The issue types a project offers for new issues. */
  Future<List<IssueType>> issueTypes(JiraCredentials credentials, String projectKey) {
    return issueTypePage(credentials, projectKey, 0, 1, new ArrayList<>());
  }

  private Future<List<IssueType>> issueTypePage(
      JiraCredentials credentials, String projectKey, int startAt, int page, List<IssueType> out) {
    JiraDialect dialect = credentials.deployment().dialect();
    String url = url(credentials, dialect.issueTypesPath(projectKey, startAt));
    return read(credentials, OutboundRequest.get(VENDOR, url, headers(credentials)))
        .compose(
            json -> {
              JiraDialect.IssueTypePage types = dialect.issueTypes(json);
              out.addAll(types.issueTypes());
              if (types.next() < 0 || page >= MAX_TYPE_PAGES) {
                return Future.succeededFuture(List.copyOf(out));
              }
              return issueTypePage(credentials, projectKey, types.next(), page + 1, out);
            });
  }

  /** Creates an issue; a timeout or 5xx fails with {@link JiraErrors.UnknownOutcome}. */
  Future<JiraIssue> create(JiraCredentials credentials, IssueDraft draft) {
    JiraDialect dialect = credentials.deployment().dialect();
    OutboundRequest request =
        OutboundRequest.json(
            VENDOR,
            HttpMethod.POST,
            url(credentials, dialect.rest("/issue")),
            headers(credentials),
            createBody(dialect, draft),
            Retry.CREATE);
    return outbound
        .send(request)
        .recover(e -> Future.failedFuture(createFailure(e)))
        .compose(response -> created(credentials, draft, response));
  }

  private static JsonObject createBody(JiraDialect dialect, IssueDraft draft) {
    JsonObject fields =
        new JsonObject()
            .put("summary", draft.summary())
            .put("project", new JsonObject().put("key", draft.projectKey()))
            .put("issuetype", new JsonObject().put("id", draft.issueTypeId()));
    Object description = dialect.description(draft.content());
    if (description != null) {
      fields.put("description", description);
    }
    if (!draft.labels().isEmpty()) {
      fields.put("labels", new JsonArray(draft.labels()));
    }
    JsonObject body = new JsonObject().put("fields", fields);
    if (draft.marker() != null) {
      body.put("properties", new JsonArray().add(draft.marker().property()));
    }
    return body;
  }

  private static Throwable createFailure(Throwable e) {
    if (e instanceof OutboundException out && out.kind() == OutboundException.Kind.UNKNOWN) {
      return JiraErrors.UnknownOutcome.afterCreate(out.getMessage());
    }
    return JiraErrors.unreachable(e);
  }

  private static Future<JiraIssue> created(
      JiraCredentials credentials, IssueDraft draft, OutboundResponse response) {
    if (response.status() >= 500) {
      String reason = JiraErrors.describe(response, credentials);
      return Future.failedFuture(JiraErrors.UnknownOutcome.afterCreate(reason));
    }
    if (!response.ok()) {
      return Future.failedFuture(JiraErrors.rejected(response, credentials));
    }
    JsonObject body = response.jsonObject();
    String key = body == null ? null : body.getString("key");
    if (key == null || key.isBlank()) {
      String reason = "Jira returned " + response.status() + " without an issue key";
      return Future.failedFuture(JiraErrors.UnknownOutcome.afterCreate(reason));
    }
    return Future.succeededFuture(JiraIssue.of(credentials.baseUrl(), key, draft.projectKey()));
  }

  /** The newest issue in {@code projects} that carries {@code marker}, or null when none does. */
  Future<JiraIssue> findByMarker(
      JiraCredentials credentials, Collection<String> projects, TicketMarker marker) {
    JiraDialect dialect = credentials.deployment().dialect();
    JsonObject body =
        new JsonObject()
            .put("jql", "project in (" + quoted(projects) + ") ORDER BY created DESC")
            .put("properties", new JsonArray().add(TicketMarker.PROPERTY_KEY))
            .put("fields", new JsonArray().add("summary"))
            .put("maxResults", SEARCH_PAGE_SIZE);
    OutboundRequest request =
        OutboundRequest.json(
            VENDOR,
            HttpMethod.POST,
            url(credentials, dialect.searchPath()),
            headers(credentials),
            body,
            Retry.IDEMPOTENT);
    return read(credentials, request).map(page -> marked(credentials, page, marker));
  }

  private static JiraIssue marked(JiraCredentials credentials, JsonObject page, TicketMarker m) {
    for (Object item : page.getJsonArray("issues", new JsonArray())) {
      if (!(item instanceof JsonObject issue) || !(issue.getValue("key") instanceof String key)) {
        continue;
      }
      JsonObject properties = issue.getJsonObject("properties", new JsonObject());
      if (m.matches(properties.getValue(TicketMarker.PROPERTY_KEY))) {
        int dash = key.lastIndexOf('-');
        return JiraIssue.of(credentials.baseUrl(), key, dash > 0 ? key.substring(0, dash) : "");
      }
    }
    return null;
  }

  /** Uploads one text file as the multipart part {@code file}; returns Jira's attachment list. */
  Future<JsonArray> attach(JiraCredentials credentials, String issueKey, SampleFile.Rendered file) {
    JiraDialect dialect = credentials.deployment().dialect();
    Multipart.Body body =
        Multipart.file("file", file.fileName(), "text/plain; charset=utf-8", file.text());
    MultiMap headers = headers(credentials);
    headers.set("X-Atlassian-Token", "no-check");
    headers.set("Content-Type", body.contentType());
    String url = url(credentials, dialect.rest("/issue/" + issueKey + "/attachments"));
    OutboundRequest request =
        new OutboundRequest(VENDOR, HttpMethod.POST, url, headers, body.buffer(), Retry.CREATE);
    return outbound
        .send(request)
        .recover(e -> Future.failedFuture(JiraErrors.unreachable(e)))
        .compose(response -> uploaded(credentials, response));
  }

  private static Future<JsonArray> uploaded(JiraCredentials credentials, OutboundResponse r) {
    if (!r.ok()) {
      String reason = JiraErrors.describe(r, credentials);
      return Future.failedFuture(
          GatewayException.vendor("Jira did not accept the attachment: " + reason));
    }
    JsonArray attachments = r.jsonArray();
    return Future.succeededFuture(attachments == null ? new JsonArray() : attachments);
  }

  private Future<JsonObject> read(JiraCredentials credentials, OutboundRequest request) {
    return outbound
        .send(request)
        .recover(e -> Future.failedFuture(JiraErrors.unreachable(e)))
        .compose(response -> jsonBody(credentials, response));
  }

  private static Future<JsonObject> jsonBody(JiraCredentials credentials, OutboundResponse r) {
    if (!r.ok()) {
      return Future.failedFuture(JiraErrors.rejected(r, credentials));
    }
    JsonObject json = r.jsonObject();
    if (json == null) {
      String message = "Jira returned " + r.status() + " with a non-JSON body";
      return Future.failedFuture(GatewayException.vendor(message));
    }
    return Future.succeededFuture(json);
  }

  private static MultiMap headers(JiraCredentials credentials) {
    String authorization = credentials.deployment().dialect().authorization(credentials);
    return MultiMap.caseInsensitiveMultiMap()
        .set("Authorization", authorization)
        .set("Accept", "application/json");
  }

  private static String url(JiraCredentials credentials, String path) {
    return VendorUrl.join(credentials.baseUrl(), path);
  }

  private static String quoted(Collection<String> projects) {
    return projects.stream().map(key -> "\"" + key + "\"").collect(Collectors.joining(","));
  }
}
