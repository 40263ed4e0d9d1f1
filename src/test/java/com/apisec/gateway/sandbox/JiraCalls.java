package com.apisec.gateway.sandbox;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls to the Jira stand-in as a Jira Cloud client makes them, for the tests in this package. */
final class JiraCalls {
  static final String EMAIL = "dev@example.com";
  static final String TOKEN = "ATATT3xSandboxToken0123456789";
  static final String SITE = "acme-sec.atlassian.net";

  private final SandboxFixture sandbox;

  JiraCalls(SandboxFixture sandbox) {
    this.sandbox = sandbox;
  }

  static String basic(String email, String token) {
    String pair = email + ":" + token;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** A call with valid credentials, addressed to {@link #SITE}. */
  HttpRequest<Buffer> call(HttpMethod method, String path) {
    return sandbox
        .request(method, "jira", path)
        .putHeader("Authorization", basic(EMAIL, TOKEN))
        .putHeader("X-Sandbox-Host", SITE)
        .putHeader("Accept", "application/json");
  }

  HttpResponse<Buffer> createIssue(JsonObject body) {
    return call(HttpMethod.POST, "/rest/api/3/issue").sendJsonObject(body).await();
  }

  String createdKey(JsonObject body) {
    HttpResponse<Buffer> response = createIssue(body);
    if (response.statusCode() != 201) {
      throw new AssertionError("create failed: " + response.bodyAsString());
    }
    return response.bodyAsJsonObject().getString("key");
  }

  HttpResponse<Buffer> attach(String issueKey, MultipartForm form) {
    return call(HttpMethod.POST, "/rest/api/3/issue/" + issueKey + "/attachments")
        .putHeader("X-Atlassian-Token", "no-check")
        .sendMultipartForm(form)
        .await();
  }

  HttpResponse<Buffer> search(JsonObject body) {
    return call(HttpMethod.POST, "/rest/api/3/search/jql").sendJsonObject(body).await();
  }

  /** A create body: a Bug or a Story ({@code typeId} 10001 or 10002) with an ADF description. */
  static JsonObject issue(String project, String typeId, String summary) {
    JsonObject fields =
        new JsonObject()
            .put("project", new JsonObject().put("key", project))
            .put("issuetype", new JsonObject().put("id", typeId))
            .put("summary", summary)
            .put("description", adf("Found by an API security test."));
    return new JsonObject().put("fields", fields);
  }

  /** A one-paragraph ADF document. */
  static JsonObject adf(String text) {
    JsonObject textNode = new JsonObject().put("type", "text").put("text", text);
    JsonObject paragraph =
        new JsonObject().put("type", "paragraph").put("content", new JsonArray().add(textNode));
    return new JsonObject()
        .put("type", "doc")
        .put("version", 1)
        .put("content", new JsonArray().add(paragraph));
  }

  static JsonObject property(String key, JsonObject value) {
    return new JsonObject().put("key", key).put("value", value);
  }

  static MultipartForm textFile(String partName, String content) {
    return MultipartForm.create()
        .textFileUpload(partName, "request.txt", Buffer.buffer(content), "text/plain");
  }
}
