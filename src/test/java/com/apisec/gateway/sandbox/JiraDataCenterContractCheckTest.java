package com.apisec.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Data Center contract as the check applies it. The published document types every value of
 * {@code IssueUpdateBean.fields} as an object; the check relaxes only that (so a string summary and
 * description pass), and ignores the document's HTTP Basic security, since a personal access token
 * goes as Bearer. Everything else is checked as published.
 */
@RequiresContracts
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JiraDataCenterContractCheckTest {
  private static SandboxFixture sandbox;
  private static JiraDcCalls jira;

  @BeforeAll
  static void startSandbox(Vertx vertx) {
    sandbox = SandboxFixture.withContracts(vertx);
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
  void createIssue_wikiStringFields_passThroughTheRelaxedFieldsSchema() {
    JsonObject body = JiraDcCalls.issue("SCRUM", "10001", "Wiki");
    body.getJsonObject("fields").put("labels", new JsonArray().add("akto"));
    body.put(
        "properties",
        new JsonArray().add(new JsonObject().put("key", "gateway.subject").put("value", "{}")));

    HttpResponse<Buffer> response = jira.createIssue(body);

    assertEquals(201, response.statusCode(), response.bodyAsString());
    sandbox.assertNoViolations();
  }

  @Test
  void createIssue_fieldsAsArray_isStillAViolation() {
    JsonObject body = new JsonObject().put("fields", new JsonArray().add("summary"));

    HttpResponse<Buffer> response = jira.createIssue(body);

    assertEquals(400, response.statusCode());
    String violations = sandbox.violations().encode();
    assertTrue(violations.contains("/fields"), violations);
  }

  @Test
  void createIssue_adfDescription_isFlaggedAsNotWiki() {
    JsonObject body = JiraDcCalls.issue("SCRUM", "10001", "ADF");
    body.getJsonObject("fields").put("description", new JsonObject().put("type", "doc"));

    HttpResponse<Buffer> response = jira.createIssue(body);

    assertEquals(400, response.statusCode());
    String violations = sandbox.violations().encode();
    assertTrue(violations.contains("fields.description must be a wiki-markup string"), violations);
  }

  @Test
  void propertyValueAsObject_isAViolationOfTheEntityPropertyBean() {
    JsonObject body = JiraDcCalls.issue("SCRUM", "10001", "Object property");
    body.put(
        "properties",
        new JsonArray()
            .add(new JsonObject().put("key", "k").put("value", new JsonObject().put("a", 1))));

    HttpResponse<Buffer> response = jira.createIssue(body);

    assertEquals(400, response.statusCode());
    String violations = sandbox.violations().encode();
    assertTrue(violations.contains("/properties/0/value"), violations);
  }

  @Test
  void searchAndReads_asTheGatewaySendsThem_passTheContract() {
    JsonObject search =
        new JsonObject()
            .put("jql", "project in (\"SCRUM\") ORDER BY created DESC")
            .put("fields", new JsonArray().add("summary"))
            .put("startAt", 0)
            .put("maxResults", 50);

    HttpResponse<Buffer> found =
        jira.call(HttpMethod.POST, "/rest/api/2/search").sendJsonObject(search).await();
    HttpResponse<Buffer> types =
        jira.get("/rest/api/2/issue/createmeta/SCRUM/issuetypes?startAt=0");
    HttpResponse<Buffer> fields =
        jira.get("/rest/api/2/issue/createmeta/SCRUM/issuetypes/10001?startAt=0&maxResults=200");
    HttpResponse<Buffer> priorities = jira.get("/rest/api/2/priority");
    HttpResponse<Buffer> customFields =
        jira.get("/rest/api/2/customFields?startAt=0&maxResults=50");
    HttpResponse<Buffer> statuses = jira.get("/rest/api/2/project/SCRUM/statuses");

    for (HttpResponse<Buffer> r :
        java.util.List.of(found, types, fields, priorities, customFields, statuses)) {
      assertEquals(200, r.statusCode(), r.bodyAsString());
    }
    sandbox.assertNoViolations();
  }
}
