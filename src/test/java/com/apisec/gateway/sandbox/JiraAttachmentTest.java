package com.apisec.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class JiraAttachmentTest {
  private static final String SAMPLE = "GET /api/users/7 HTTP/1.1\nHost: shop.example\n";

  private static SandboxFixture sandbox;
  private static JiraCalls jira;
  private String issueKey;

  @BeforeAll
  static void startSandbox(Vertx vertx) {
    sandbox = SandboxFixture.start(vertx, List.of());
    jira = new JiraCalls(sandbox);
  }

  @BeforeEach
  void createIssue() {
    issueKey = jira.createdKey(JiraCalls.issue("SCRUM", "10001", "BOLA on /api/users"));
  }

  @AfterEach
  void resetSandbox() {
    sandbox.reset();
  }

  @Test
  void attach_withoutXsrfHeader_returns403WithJiraText() {
    HttpResponse<Buffer> response =
        jira.call(HttpMethod.POST, "/rest/api/3/issue/" + issueKey + "/attachments")
            .sendMultipartForm(JiraCalls.textFile("file", SAMPLE))
            .await();

    assertEquals(403, response.statusCode());
    assertEquals("XSRF check failed", response.bodyAsString());
  }

  @Test
  void attach_fileInPartNotNamedFile_returns400() {
    HttpResponse<Buffer> response = jira.attach(issueKey, JiraCalls.textFile("attachment", SAMPLE));

    assertEquals(400, response.statusCode());
    assertEquals(
        "The request must have a file in a part named 'file'.",
        response.bodyAsJsonObject().getJsonArray("errorMessages").getString(0));
  }

  @Test
  void attach_jsonInsteadOfMultipart_returns415() {
    HttpResponse<Buffer> response =
        jira.call(HttpMethod.POST, "/rest/api/3/issue/" + issueKey + "/attachments")
            .putHeader("X-Atlassian-Token", "no-check")
            .sendJsonObject(new JsonObject().put("file", SAMPLE))
            .await();

    assertEquals(415, response.statusCode());
  }

  @Test
  void attach_partNamedFile_returns200WithAttachmentAndIssueShowsIt() {
    HttpResponse<Buffer> response = jira.attach(issueKey, JiraCalls.textFile("file", SAMPLE));

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject attachment = response.bodyAsJsonArray().getJsonObject(0);
    assertEquals("request.txt", attachment.getString("filename"));
    assertEquals(SAMPLE.length(), attachment.getInteger("size"));
    assertEquals("text/plain", attachment.getString("mimeType"));
    assertEquals(
        "https://" + JiraCalls.SITE + "/rest/api/3/attachment/" + attachment.getString("id"),
        attachment.getString("self"));
    JsonArray onIssue =
        jira.call(HttpMethod.GET, "/rest/api/3/issue/" + issueKey)
            .send()
            .await()
            .bodyAsJsonObject()
            .getJsonObject("fields")
            .getJsonArray("attachment");
    assertEquals(attachment.getString("id"), onIssue.getJsonObject(0).getString("id"));
  }

  @Test
  void attach_unknownIssue_returns404() {
    HttpResponse<Buffer> response = jira.attach("SCRUM-404", JiraCalls.textFile("file", SAMPLE));

    assertEquals(404, response.statusCode());
  }
}
