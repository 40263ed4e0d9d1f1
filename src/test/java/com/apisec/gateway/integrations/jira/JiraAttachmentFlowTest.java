package com.apisec.gateway.integrations.jira;

import static com.apisec.gateway.integrations.jira.support.Replies.assertError;
import static com.apisec.gateway.integrations.jira.support.Replies.ticketKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.integrations.jira.support.Seed;
import com.apisec.gateway.integrations.jira.support.TestGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class JiraAttachmentFlowTest {
  private static TestGateway gateway;
  @TempDir static Path dir;

  private String jwt;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    gateway = TestGateway.start(vertx, dir, 2_000);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
  }

  @BeforeEach
  void integrated() {
    gateway.jira().reset();
    jwt = gateway.adminToken(TestGateway.newAccount());
    assertEquals(200, gateway.post("jira/add", jwt, Seed.save()).statusCode());
  }

  @Test
  void attachFile_seedSamples_attachesOneTextFileToTheIssue() {
    String key = ticketKey(gateway.post("createGeneralJiraTicket", jwt, Seed.ticket()));
    JsonObject body =
        new JsonObject()
            .put("issueId", key)
            .put("origReq", "GET /api/v1/users/2 HTTP/1.1\nHost: api.example.com")
            .put(
                "testReq",
                new JsonObject()
                    .put("method", "GET")
                    .put("path", "/api/v1/users/3")
                    .put("requestHeaders", "{\"host\":\"api.example.com\"}")
                    .put("responsePayload", "{\"id\":3}")
                    .encode());

    HttpResponse<Buffer> response = gateway.post("attachFileToIssue", jwt, body);

    assertEquals(200, response.statusCode(), response.bodyAsString());
    List<JsonObject> files = gateway.jira().attachments(key);
    assertEquals(1, files.size());
    String text = files.get(0).getString("content");
    assertTrue(text.contains("GET /api/v1/users/2 HTTP/1.1"), text);
    assertTrue(text.contains("---------- Test Curl ----------"), text);
    assertTrue(text.contains("'https://api.example.com/api/v1/users/3'"), text);
    assertEquals(
        files.get(0).getString("filename"), response.bodyAsJsonObject().getString("fileName"));
  }

  @Test
  void attachFile_bothSamplesEmpty_returns422NamingBoth() {
    JsonObject body = new JsonObject().put("issueId", "SCRUM-1").put("origReq", "");

    HttpResponse<Buffer> response = gateway.post("attachFileToIssue", jwt, body);

    assertError(response, 422, "origReq or testReq is required; both are empty");
  }

  @Test
  void attachFile_issueUnknownToJira_returns422WithJiraMessage() {
    JsonObject body = new JsonObject().put("issueId", "SCRUM-999").put("origReq", "x");

    HttpResponse<Buffer> response = gateway.post("attachFileToIssue", jwt, body);

    assertError(
        response,
        422,
        "Jira did not accept the attachment: Jira returned 404:"
            + " Issue does not exist or you do not have permission to see it.");
  }
}
