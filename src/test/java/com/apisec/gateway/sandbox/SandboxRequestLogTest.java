package com.apisec.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SandboxRequestLogTest {
  private static SandboxFixture sandbox;
  private static JiraCalls jira;

  @BeforeAll
  static void startSandbox(Vertx vertx) {
    sandbox = SandboxFixture.start(vertx, List.of());
    jira = new JiraCalls(sandbox);
  }

  @AfterEach
  void resetSandbox() {
    sandbox.reset();
  }

  @Test
  void requests_callsWithBasicCredentials_neverShowTheToken() {
    jira.createIssue(JiraCalls.issue("SCRUM", "10001", "x"));
    jira.call(HttpMethod.GET, "/rest/api/3/myself")
        .putHeader("Authorization", JiraCalls.basic(JiraCalls.EMAIL, "invalid-token"))
        .send()
        .await();

    JsonArray requests = sandbox.requests("jira");

    String listing = requests.encode();
    String encoded =
        Base64.getEncoder()
            .encodeToString(
                (JiraCalls.EMAIL + ":" + JiraCalls.TOKEN).getBytes(StandardCharsets.UTF_8));
    assertEquals(2, requests.size());
    assertFalse(listing.contains(JiraCalls.TOKEN), listing);
    assertFalse(listing.contains(encoded), listing);
    assertFalse(listing.contains("invalid-token"), listing);
    assertEquals(
        "Basic [REDACTED]",
        requests.getJsonObject(0).getJsonObject("headers").getString("Authorization"));
  }

  @Test
  void requests_jsonCall_recordsMethodPathWithoutPrefixQueryAndParsedBody() {
    JsonObject body = JiraCalls.issue("SCRUM", "10001", "recorded");

    jira.call(HttpMethod.POST, "/rest/api/3/issue")
        .addQueryParam("updateHistory", "false")
        .sendJsonObject(body)
        .await();

    JsonObject recorded = sandbox.requests("jira").getJsonObject(0);
    assertEquals("POST", recorded.getString("method"));
    assertEquals("/rest/api/3/issue", recorded.getString("path"));
    assertEquals("updateHistory=false", recorded.getString("query"));
    assertEquals(body, recorded.getJsonObject("body"));
    assertEquals(JiraCalls.SITE, recorded.getJsonObject("headers").getString("X-Sandbox-Host"));
  }

  @Test
  void requests_multipartUpload_summarisesPartsWithoutContent() {
    String key = jira.createdKey(JiraCalls.issue("SCRUM", "10001", "x"));
    MultipartForm form = JiraCalls.textFile("file", "0123456789").attribute("comment", "abc");

    jira.attach(key, form);

    JsonObject recorded = sandbox.requests("jira").getJsonObject(1);
    JsonArray parts = recorded.getJsonObject("body").getJsonArray("parts");
    JsonObject file =
        new JsonObject()
            .put("name", "file")
            .put("filename", "request.txt")
            .put("contentType", "text/plain")
            .put("size", 10);
    assertEquals(file, parts.getJsonObject(0));
    assertEquals("comment", parts.getJsonObject(1).getString("name"));
    assertEquals(3, parts.getJsonObject(1).getInteger("size"));
    assertEquals("no-check", recorded.getJsonObject("headers").getString("X-Atlassian-Token"));
  }

  @Test
  void violations_noChecksInstalled_staysEmpty() {
    JsonObject notAdf = JiraCalls.issue("SCRUM", "10001", "x");
    notAdf.getJsonObject("fields").put("description", "text");

    jira.createIssue(notAdf);

    sandbox.assertNoViolations();
  }
}
