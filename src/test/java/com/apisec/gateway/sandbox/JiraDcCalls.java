package com.apisec.gateway.sandbox;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;

/** Calls to the Jira Data Center stand-in as a Data Center client makes them. */
final class JiraDcCalls {
  static final String PAT = "NjE0ODc5MzE2NDQ2OsandboxPersonalAccessToken";
  static final String SITE = "jira.example.com";

  private final SandboxFixture sandbox;

  JiraDcCalls(SandboxFixture sandbox) {
    this.sandbox = sandbox;
  }

  /** A call with a valid personal access token, addressed to {@link #SITE}. */
  HttpRequest<Buffer> call(HttpMethod method, String path) {
    return sandbox
        .request(method, "jira-dc", path)
        .putHeader("Authorization", "Bearer " + PAT)
        .putHeader("X-Sandbox-Host", SITE)
        .putHeader("Accept", "application/json");
  }

  HttpResponse<Buffer> createIssue(JsonObject body) {
    return call(HttpMethod.POST, "/rest/api/2/issue").sendJsonObject(body).await();
  }

  HttpResponse<Buffer> get(String path) {
    return call(HttpMethod.GET, path).send().await();
  }

  /** A create body with a wiki-markup description. */
  static JsonObject issue(String project, String typeId, String summary) {
    JsonObject fields =
        new JsonObject()
            .put("project", new JsonObject().put("key", project))
            .put("issuetype", new JsonObject().put("id", typeId))
            .put("summary", summary)
            .put("description", "h3. Overview\n\n* found by an API security test");
    return new JsonObject().put("fields", fields);
  }
}
