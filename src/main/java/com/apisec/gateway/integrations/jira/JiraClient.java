package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.outbound.OutboundException;
import com.apisec.gateway.outbound.OutboundRequest;
import com.apisec.gateway.outbound.OutboundRequest.Retry;
import com.apisec.gateway.outbound.OutboundResponse;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Speaks Jira's wire format for issues: creation (one, or in bulk) with the gateway's marker
 * property, the search for a marked issue, and attachments. Failures come back as {@link
 * GatewayException}s that carry Jira's own message.
 */
final class JiraClient {
  static final String VENDOR = JiraHttp.VENDOR;
  private static final int SEARCH_PAGE_SIZE = 50;

  private final JiraHttp http;

  JiraClient(JiraHttp http) {
    this.http = http;
  }

  JiraHttp http() {
    return http;
  }

  /**
   * Creates an issue. A timeout or 5xx fails with {@link JiraErrors.UnknownOutcome}; labels the
   * project's screen refuses fail with {@link JiraErrors.LabelsRefused}.
   */
  Future<JiraIssue> create(JiraCredentials credentials, IssueDraft draft) {
    JiraDialect dialect = credentials.deployment().dialect();
    return sendCreate(credentials, dialect.rest("/issue"), draft.toJson(dialect))
        .compose(response -> created(credentials, draft, response));
  }

  /** Jira's bulk create for at most 50 drafts; the answer's issues and per-element errors. */
  Future<BulkAnswer> createAll(JiraCredentials credentials, List<IssueDraft> drafts) {
    JiraDialect dialect = credentials.deployment().dialect();
    JsonArray updates = new JsonArray();
    drafts.forEach(draft -> updates.add(draft.toJson(dialect)));
    JsonObject body = new JsonObject().put("issueUpdates", updates);
    return sendCreate(credentials, dialect.rest("/issue/bulk"), body)
        .compose(response -> BulkAnswer.read(response, credentials));
  }

  private Future<OutboundResponse> sendCreate(
      JiraCredentials credentials, String path, JsonObject body) {
    OutboundRequest request =
        OutboundRequest.json(
            VENDOR,
            HttpMethod.POST,
            JiraHttp.url(credentials, path),
            JiraHttp.headers(credentials),
            body,
            Retry.CREATE);
    return http.send(request).recover(e -> Future.failedFuture(createFailure(e)));
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
      String reason = JiraErrors.describe(response, credentials);
      return Future.failedFuture(
          JiraErrors.labelsRefused(response.jsonObject())
              ? new JiraErrors.LabelsRefused(reason)
              : GatewayException.vendor(reason));
    }
    // A key that is not one (absent, or text that would change the browse link's path) cannot be
    // used: the issue may exist all the same, so the outcome is unknown and nothing is kept.
    JsonObject body = response.jsonObject();
    Object key = body == null ? null : body.getValue("key");
    if (!(key instanceof String text) || !JiraKeys.isIssue(text)) {
      String reason = "Jira returned " + response.status() + " without a valid issue key";
      return Future.failedFuture(JiraErrors.UnknownOutcome.afterCreate(reason));
    }
    return Future.succeededFuture(JiraIssue.of(credentials.baseUrl(), text, draft.projectKey()));
  }

  /** The newest issue in {@code projects} that carries {@code marker}, or null when none does. */
  Future<JiraIssue> findByMarker(
      JiraCredentials credentials, Collection<String> projects, TicketMarker marker) {
    JiraDialect dialect = credentials.deployment().dialect();
    String jql = "project in (" + quoted(projects) + ") ORDER BY created DESC";
    JsonObject body = dialect.searchBody(jql, TicketMarker.PROPERTY_KEY, SEARCH_PAGE_SIZE);
    return http.postRead(credentials, dialect.searchPath(), body)
        .compose(
            page ->
                dialect.searchReturnsProperties()
                    ? Future.succeededFuture(marked(credentials, page, marker))
                    : MarkerReads.firstMarked(this, credentials, keys(page), marker));
  }

  /** An issue's marker property value, or null when the issue has none. */
  Future<Object> markerOf(JiraCredentials credentials, String issueKey) {
    JiraDialect dialect = credentials.deployment().dialect();
    String path = dialect.rest("/issue/" + issueKey + "/properties/" + TicketMarker.PROPERTY_KEY);
    OutboundRequest request =
        OutboundRequest.get(VENDOR, JiraHttp.url(credentials, path), JiraHttp.headers(credentials));
    return http.send(request)
        .recover(e -> Future.failedFuture(JiraErrors.unreachable(e)))
        .compose(
            r -> {
              if (r.status() == 404) {
                return Future.succeededFuture(null);
              }
              if (!r.ok() || r.jsonObject() == null) {
                return Future.failedFuture(JiraErrors.rejected(r, credentials));
              }
              return Future.succeededFuture(r.jsonObject().getValue("value"));
            });
  }

  /** The issue keys of a search page; an entry whose key is not one is passed over. */
  private static List<String> keys(JsonObject page) {
    return page.getJsonArray("issues", new JsonArray()).stream()
        .map(JiraClient::keyOf)
        .filter(Objects::nonNull)
        .toList();
  }

  private static String keyOf(Object item) {
    return item instanceof JsonObject json
            && json.getValue("key") instanceof String key
            && JiraKeys.isIssue(key)
        ? key
        : null;
  }

  private static JiraIssue marked(JiraCredentials credentials, JsonObject page, TicketMarker m) {
    for (Object item : page.getJsonArray("issues", new JsonArray())) {
      String key = keyOf(item);
      if (key == null) {
        continue;
      }
      Object properties = ((JsonObject) item).getValue("properties");
      if (properties instanceof JsonObject json
          && m.matches(json.getValue(TicketMarker.PROPERTY_KEY))) {
        return JiraIssue.of(credentials.baseUrl(), key, JiraIssue.projectOf(key));
      }
    }
    return null;
  }

  /** Uploads one text file as the multipart part {@code file}; returns Jira's attachment list. */
  Future<JsonArray> attach(JiraCredentials credentials, String issueKey, SampleFile.Rendered file) {
    JiraDialect dialect = credentials.deployment().dialect();
    Multipart.Body body =
        Multipart.file("file", file.fileName(), "text/plain; charset=utf-8", file.text());
    MultiMap headers = JiraHttp.headers(credentials);
    headers.set("X-Atlassian-Token", "no-check");
    headers.set("Content-Type", body.contentType());
    String url = JiraHttp.url(credentials, dialect.rest("/issue/" + issueKey + "/attachments"));
    OutboundRequest request =
        new OutboundRequest(VENDOR, HttpMethod.POST, url, headers, body.buffer(), Retry.CREATE);
    return http.send(request)
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

  private static String quoted(Collection<String> projects) {
    return projects.stream().map(key -> "\"" + key + "\"").collect(Collectors.joining(","));
  }
}
