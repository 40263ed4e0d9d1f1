package com.apisec.gateway.integrations.jira;

import static com.apisec.gateway.integrations.jira.support.Replies.assertError;
import static com.apisec.gateway.integrations.jira.support.Replies.ticketKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.apisec.gateway.integrations.jira.support.Seed;
import com.apisec.gateway.integrations.jira.support.TestGateway;
import com.apisec.gateway.sandbox.RequiresContracts;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@RequiresContracts
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

  @AfterEach
  void heldToTheContracts() {
    gateway.sandbox().assertNoViolations();
  }

  @BeforeEach
  void integrated() {
    gateway.sandbox().reset();
    jwt = gateway.adminToken(TestGateway.newAccount());
    assertEquals(200, gateway.post("jira/add", jwt, Seed.save()).statusCode());
  }

  @Test
  void attachFile_seedSamples_uploadsOneTextFileInPartNamedFile() {
    String key = ticketKey(gateway.post("createGeneralJiraTicket", jwt, Seed.ticket()));
    JsonObject body =
        new JsonObject()
            .put("issueId", key)
            .put("origReq", "[RAW_HTTP_SAMPLE]")
            .put("testReq", "[RAW_HTTP_TEST_SAMPLE]");

    HttpResponse<Buffer> response = gateway.post("attachFileToIssue", jwt, body);

    assertEquals(200, response.statusCode(), response.bodyAsString());
    String fileName = response.bodyAsJsonObject().getString("fileName");
    JsonObject upload = onlyUpload(key);
    assertEquals("no-check", upload.getJsonObject("headers").getString("X-Atlassian-Token"));
    JsonArray parts = upload.getJsonObject("body").getJsonArray("parts");
    assertEquals(1, parts.size());
    JsonObject part = parts.getJsonObject(0);
    assertEquals("file", part.getString("name"));
    assertEquals(fileName, part.getString("filename"));
    String expected = SampleFile.render("[RAW_HTTP_SAMPLE]", "[RAW_HTTP_TEST_SAMPLE]").text();
    assertEquals(expected.getBytes(StandardCharsets.UTF_8).length, part.getLong("size"));
    JsonArray attached =
        gateway.sandbox().issue(key).getJsonObject("fields").getJsonArray("attachment");
    assertEquals(fileName, attached.getJsonObject(0).getString("filename"));
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

  private static JsonObject onlyUpload(String key) {
    String path = "/rest/api/3/issue/" + key + "/attachments";
    List<JsonObject> uploads =
        gateway.sandbox().requests().stream()
            .filter(r -> r.getString("path").equals(path))
            .toList();
    assertEquals(1, uploads.size());
    return uploads.get(0);
  }
}
