package com.apisec.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JiraDataCenterStandInTest {
  private static SandboxFixture sandbox;
  private static JiraDcCalls jira;

  @BeforeAll
  static void startSandbox(Vertx vertx) {
    sandbox = SandboxFixture.start(vertx, List.of());
    jira = new JiraDcCalls(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @AfterEach
  void resetSandbox() {
    sandbox.reset();
  }

  @Test
  void createIssue_wikiDescriptionWithBearerToken_createsUnderV2() {
    JsonObject body = JiraDcCalls.issue("SCRUM", "10001", "Wiki");

    HttpResponse<Buffer> response = jira.createIssue(body);

    assertEquals(201, response.statusCode(), response.bodyAsString());
    JsonObject created = response.bodyAsJsonObject();
    assertEquals("SCRUM-1", created.getString("key"));
    assertTrue(created.getString("self").startsWith("https://jira.example.com/rest/api/2/issue/"));
  }

  @Test
  void createIssue_adfDescription_isRefusedAsNotAString() {
    JsonObject body = JiraDcCalls.issue("SCRUM", "10001", "ADF");
    body.getJsonObject("fields").put("description", new JsonObject().put("type", "doc"));

    HttpResponse<Buffer> response = jira.createIssue(body);

    assertEquals(400, response.statusCode());
    assertEquals(
        "Operation value must be a string",
        response.bodyAsJsonObject().getJsonObject("errors").getString("description"));
  }

  @Test
  void anyCall_basicOrRevokedToken_is401() {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("dev@example.com:token".getBytes(StandardCharsets.UTF_8));

    HttpResponse<Buffer> withBasic =
        sandbox
            .request(HttpMethod.GET, "jira-dc", "/rest/api/2/myself")
            .putHeader("Authorization", basic)
            .send()
            .await();
    HttpResponse<Buffer> revoked =
        sandbox
            .request(HttpMethod.GET, "jira-dc", "/rest/api/2/myself")
            .putHeader("Authorization", "Bearer invalid-token")
            .send()
            .await();

    assertEquals(401, withBasic.statusCode());
    assertEquals(401, revoked.statusCode());
    assertEquals("Bearer", revoked.getHeader("WWW-Authenticate").split(" ")[0]);
  }

  @Test
  void cloudPaths_areNotServedUnderDataCenter() {
    HttpResponse<Buffer> response = jira.get("/rest/api/3/priority");

    assertEquals(404, response.statusCode());
  }

  @Test
  void issueTypes_pagedAsValuesWithIsLast() {
    HttpResponse<Buffer> first =
        jira.get("/rest/api/2/issue/createmeta/SCRUM/issuetypes?startAt=0&maxResults=1");
    HttpResponse<Buffer> second =
        jira.get("/rest/api/2/issue/createmeta/SCRUM/issuetypes?startAt=1&maxResults=1");

    JsonObject page1 = first.bodyAsJsonObject();
    JsonObject page2 = second.bodyAsJsonObject();
    assertEquals("Bug", page1.getJsonArray("values").getJsonObject(0).getString("name"));
    assertFalse(page1.getBoolean("isLast"));
    assertEquals("Story", page2.getJsonArray("values").getJsonObject(0).getString("name"));
    assertTrue(page2.getBoolean("isLast"));
  }

  @Test
  void customFields_listOnlyCustomFields_lockedOnesFlagged_pagedAsValues() {
    HttpResponse<Buffer> response = jira.get("/rest/api/2/customFields?startAt=0&maxResults=50");

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject page = response.bodyAsJsonObject();
    assertTrue(page.getBoolean("isLast"));
    List<JsonObject> fields =
        page.getJsonArray("values").stream().map(JsonObject.class::cast).toList();
    assertEquals(page.getInteger("total"), fields.size());
    assertTrue(fields.stream().allMatch(f -> f.getString("id").startsWith("customfield_")));
    List<String> locked =
        fields.stream().filter(f -> f.getBoolean("isLocked")).map(f -> f.getString("id")).toList();
    assertEquals(
        List.of("customfield_10020", "customfield_10019", "customfield_10001", "customfield_10000"),
        locked);
    assertFalse(fields.stream().anyMatch(f -> f.containsKey("isUnscreenable")));
  }

  @Test
  void createScreenFields_listPriorityAndTheOptionFields() {
    HttpResponse<Buffer> response = jira.get("/rest/api/2/issue/createmeta/SCRUM/issuetypes/10001");

    JsonArray fields = response.bodyAsJsonObject().getJsonArray("values");
    List<String> ids = fields.stream().map(f -> ((JsonObject) f).getString("fieldId")).toList();
    assertTrue(
        ids.containsAll(List.of("priority", "customfield_10050", "customfield_10051")),
        ids.toString());
  }

  @Test
  void search_returnsIssuesPagedByStartAtWithoutProperties() {
    JsonObject body = JiraDcCalls.issue("SCRUM", "10001", "Marked");
    body.put(
        "properties",
        new JsonArray()
            .add(new JsonObject().put("key", "gateway.subject").put("value", "{\"a\":1}")));
    jira.createIssue(body);
    jira.createIssue(JiraDcCalls.issue("SCRUM", "10002", "Second"));

    HttpResponse<Buffer> response =
        jira.call(HttpMethod.POST, "/rest/api/2/search")
            .sendJsonObject(
                new JsonObject()
                    .put("jql", "project in (\"SCRUM\") ORDER BY created DESC")
                    .put("startAt", 1)
                    .put("maxResults", 1))
            .await();
    HttpResponse<Buffer> property =
        jira.get("/rest/api/2/issue/SCRUM-1/properties/gateway.subject");

    JsonObject page = response.bodyAsJsonObject();
    assertEquals(2, page.getInteger("total"));
    assertEquals("SCRUM-1", page.getJsonArray("issues").getJsonObject(0).getString("key"));
    assertFalse(page.getJsonArray("issues").getJsonObject(0).containsKey("properties"));
    assertEquals("{\"a\":1}", property.bodyAsJsonObject().getString("value"));
  }
}
