package com.apisec.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class JiraCreateIssueTest {
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
  void createIssue_twoValidIssues_returnsNumberedKeysWithSelfOnSandboxHost() {
    JsonObject body = JiraCalls.issue("SCRUM", "10001", "SQL injection in /login");

    HttpResponse<Buffer> first = jira.createIssue(body);
    HttpResponse<Buffer> second = jira.createIssue(body);

    assertEquals(201, first.statusCode(), first.bodyAsString());
    JsonObject created = first.bodyAsJsonObject();
    assertEquals("SCRUM-1", created.getString("key"));
    assertEquals("10000", created.getString("id"));
    assertEquals(
        "https://" + JiraCalls.SITE + "/rest/api/3/issue/10000", created.getString("self"));
    assertEquals("SCRUM-2", second.bodyAsJsonObject().getString("key"));
  }

  @Test
  void createIssue_keysAreNumberedPerProject() {
    jira.createdKey(JiraCalls.issue("SCRUM", "10001", "first"));

    String key = jira.createdKey(JiraCalls.issue("API", "10002", "second"));

    assertEquals("API-1", key);
  }

  @Test
  void createIssue_noSandboxHostHeader_selfUsesDefaultSite() {
    JsonObject body = JiraCalls.issue("SCRUM", "10001", "Broken auth");
    HttpRequest<Buffer> request = jira.call(HttpMethod.POST, "/rest/api/3/issue");
    request.headers().remove("X-Sandbox-Host");

    HttpResponse<Buffer> response = request.sendJsonObject(body).await();

    assertEquals(201, response.statusCode());
    assertEquals(
        "https://example-org.atlassian.net/rest/api/3/issue/10000",
        response.bodyAsJsonObject().getString("self"));
  }

  @Test
  void createIssue_descriptionNotAdf_returns400WithJiraMessage() {
    JsonObject body = JiraCalls.issue("SCRUM", "10001", "XSS");
    body.getJsonObject("fields").put("description", "plain text is not ADF");

    HttpResponse<Buffer> response = jira.createIssue(body);

    assertEquals(400, response.statusCode());
    assertEquals(
        "Operation value must be an Atlassian Document (see the Atlassian Document Format)",
        response.bodyAsJsonObject().getJsonObject("errors").getString("description"));
  }

  @Test
  void createIssue_adfTextNodeWithoutText_returns400WithDescriptionError() {
    JsonObject body = JiraCalls.issue("SCRUM", "10001", "XSS");
    JsonObject doc = JiraCalls.adf("x");
    doc.getJsonArray("content")
        .getJsonObject(0)
        .getJsonArray("content")
        .getJsonObject(0)
        .remove("text");
    body.getJsonObject("fields").put("description", doc);

    HttpResponse<Buffer> response = jira.createIssue(body);

    assertEquals(400, response.statusCode());
    assertTrue(response.bodyAsJsonObject().getJsonObject("errors").containsKey("description"));
  }

  @Test
  void createIssue_issueTypeOfNoProject_returns400WithIssueTypeError() {
    JsonObject body = JiraCalls.issue("SCRUM", "10099", "IDOR");

    HttpResponse<Buffer> response = jira.createIssue(body);

    assertEquals(400, response.statusCode());
    JsonObject errors = response.bodyAsJsonObject().getJsonObject("errors");
    assertEquals("Specify a valid issue type", errors.getString("issuetype"));
    assertEquals(new JsonArray(), response.bodyAsJsonObject().getJsonArray("errorMessages"));
  }

  @Test
  void createIssue_unknownProject_returns400WithProjectError() {
    HttpResponse<Buffer> response = jira.createIssue(JiraCalls.issue("NOPE", "10001", "x"));

    assertEquals(400, response.statusCode());
    assertEquals(
        "Specify a valid project ID or key",
        response.bodyAsJsonObject().getJsonObject("errors").getString("project"));
  }

  @Test
  void createIssue_summaryOver255Characters_returns400WithSummaryError() {
    JsonObject body = JiraCalls.issue("SCRUM", "10001", "s".repeat(256));

    HttpResponse<Buffer> response = jira.createIssue(body);

    assertEquals(400, response.statusCode());
    assertEquals(
        "Summary must be less than 255 characters.",
        response.bodyAsJsonObject().getJsonObject("errors").getString("summary"));
  }

  @Test
  void createIssue_labelWithSpace_returns400WithLabelsError() {
    JsonObject body = JiraCalls.issue("SCRUM", "10001", "x");
    body.getJsonObject("fields").put("labels", new JsonArray().add("api").add("broken auth"));

    HttpResponse<Buffer> response = jira.createIssue(body);

    assertEquals(400, response.statusCode());
    assertEquals(
        "The label 'broken auth' contains spaces which is invalid.",
        response.bodyAsJsonObject().getJsonObject("errors").getString("labels"));
  }

  @Test
  void createIssue_projectSetToRefuseLabels_returns400WithScreenMessage() {
    sandbox.control(
        new JsonObject().put("vendor", "jira").put("refuseLabels", new JsonArray().add("API")));
    JsonObject body = JiraCalls.issue("API", "10001", "x");
    body.getJsonObject("fields").put("labels", new JsonArray().add("akto"));

    HttpResponse<Buffer> refused = jira.createIssue(body);
    HttpResponse<Buffer> otherProject =
        jira.createIssue(
            body.copy()
                .put(
                    "fields",
                    body.getJsonObject("fields")
                        .copy()
                        .put("project", new JsonObject().put("key", "SCRUM"))));

    assertEquals(400, refused.statusCode());
    assertEquals(
        "Field 'labels' cannot be set. It is not on the appropriate screen, or unknown.",
        refused.bodyAsJsonObject().getJsonObject("errors").getString("labels"));
    assertEquals(201, otherProject.statusCode());
  }

  @Test
  void createIssue_withProperties_storesThemOnTheIssue() {
    JsonObject marker = new JsonObject().put("subject", "finding-42");
    JsonObject body = JiraCalls.issue("SCRUM", "10001", "x");
    body.put("properties", new JsonArray().add(JiraCalls.property("apisec.marker", marker)));
    String key = jira.createdKey(body);

    HttpResponse<Buffer> response =
        jira.call(HttpMethod.GET, "/rest/api/3/issue/" + key + "/properties/apisec.marker")
            .send()
            .await();

    assertEquals(200, response.statusCode());
    assertEquals(
        new JsonObject().put("key", "apisec.marker").put("value", marker),
        response.bodyAsJsonObject());
  }

  @Test
  void createIssue_bodyNotJson_returns400WithJiraPayloadMessage() {
    HttpResponse<Buffer> response =
        jira.call(HttpMethod.POST, "/rest/api/3/issue")
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer("{not json"))
            .await();

    assertEquals(400, response.statusCode());
    assertEquals(
        "Invalid request payload. Refer to the REST API documentation and try again.",
        response.bodyAsJsonObject().getJsonArray("errorMessages").getString(0));
  }

  @Test
  void bulkCreate_oneBadElement_createsTheOthersAndReportsItsIndex() {
    JsonObject bad = JiraCalls.issue("SCRUM", "10001", "");
    JsonArray updates =
        new JsonArray()
            .add(JiraCalls.issue("SCRUM", "10001", "one"))
            .add(bad)
            .add(JiraCalls.issue("SCRUM", "10002", "three"));

    HttpResponse<Buffer> response =
        jira.call(HttpMethod.POST, "/rest/api/3/issue/bulk")
            .sendJsonObject(new JsonObject().put("issueUpdates", updates))
            .await();

    assertEquals(201, response.statusCode());
    JsonObject body = response.bodyAsJsonObject();
    assertEquals(List.of("SCRUM-1", "SCRUM-2"), keys(body.getJsonArray("issues")));
    JsonObject error = body.getJsonArray("errors").getJsonObject(0);
    assertEquals(1, error.getInteger("failedElementNumber"));
    assertEquals(400, error.getInteger("status"));
    assertEquals(
        "You must specify a summary of the issue.",
        error.getJsonObject("elementErrors").getJsonObject("errors").getString("summary"));
  }

  @Test
  void bulkCreate_everyElementBad_returns400WithAnErrorEach() {
    JsonArray updates =
        new JsonArray().add(JiraCalls.issue("NOPE", "10001", "a")).add(new JsonObject());

    HttpResponse<Buffer> response =
        jira.call(HttpMethod.POST, "/rest/api/3/issue/bulk")
            .sendJsonObject(new JsonObject().put("issueUpdates", updates))
            .await();

    assertEquals(400, response.statusCode());
    assertEquals(2, response.bodyAsJsonObject().getJsonArray("errors").size());
  }

  @Test
  void getIssue_afterCreate_returnsFieldsAsSent() {
    JsonObject body = JiraCalls.issue("SCRUM", "10002", "Mass assignment");
    String key = jira.createdKey(body);

    HttpResponse<Buffer> response =
        jira.call(HttpMethod.GET, "/rest/api/3/issue/" + key).send().await();

    assertEquals(200, response.statusCode());
    JsonObject fields = response.bodyAsJsonObject().getJsonObject("fields");
    assertEquals("Mass assignment", fields.getString("summary"));
    assertEquals("Story", fields.getJsonObject("issuetype").getString("name"));
    assertEquals("SCRUM", fields.getJsonObject("project").getString("key"));
    assertEquals(
        body.getJsonObject("fields").getJsonObject("description"),
        fields.getJsonObject("description"));
  }

  @Test
  void getIssue_unknownKey_returns404WithJiraMessage() {
    HttpResponse<Buffer> response =
        jira.call(HttpMethod.GET, "/rest/api/3/issue/SCRUM-999").send().await();

    assertEquals(404, response.statusCode());
    assertEquals(
        "Issue does not exist or you do not have permission to see it.",
        response.bodyAsJsonObject().getJsonArray("errorMessages").getString(0));
  }

  private static List<String> keys(JsonArray issues) {
    return issues.stream().map(i -> ((JsonObject) i).getString("key")).toList();
  }
}
