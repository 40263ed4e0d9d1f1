package com.apisec.gateway.integrations.jira;

import static com.apisec.gateway.integrations.jira.support.Replies.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.integrations.jira.support.SandboxClient;
import com.apisec.gateway.integrations.jira.support.Seed;
import com.apisec.gateway.integrations.jira.support.TestGateway;
import com.apisec.gateway.sandbox.RequiresContracts;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Priorities, project statuses and the create-screen field metadata, read from Jira. */
@RequiresContracts
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class JiraReadsFlowTest {
  private static final String FIELDS = "fetchCreateJiraIssueFieldMetaData";
  private static final String FIELD_SEARCH = "/rest/api/3/field/search";
  private static final String SPRINT = "customfield_10020";
  private static final String ISSUE_COLOR = "customfield_10017";
  private static TestGateway gateway;
  private static SandboxClient jira;
  @TempDir static Path dir;

  private String jwt;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    gateway = TestGateway.start(vertx, dir, 10_000);
    jira = gateway.sandbox();
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
  }

  @AfterEach
  void heldToTheContracts() {
    jira.assertNoViolations();
  }

  @BeforeEach
  void integratedAccount() {
    jira.reset();
    jwt = gateway.adminToken(TestGateway.newAccount());
    JsonObject projects =
        new JsonObject().put("SCRUM", new JsonObject()).put("API", new JsonObject());
    assertEquals(
        200,
        gateway.post("jira/add", jwt, Seed.save().put("projectMappings", projects)).statusCode());
    jira.reset();
  }

  @Test
  void fetchPriorities_returnsIdsAndNamesAtTheRoot() {
    HttpResponse<Buffer> response = gateway.post("jira/fetchPriorities", jwt, new JsonObject());

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonArray priorities = response.bodyAsJsonArray();
    assertEquals(5, priorities.size());
    assertEquals(
        new JsonObject().put("id", "1").put("name", "Highest"), priorities.getJsonObject(0));
  }

  @Test
  void fetchProjectStatuses_spacedProjId_returnsEachStatusOnceUnderTheProject() {
    JsonObject body = new JsonObject().put("projId", " SCRUM ");

    HttpResponse<Buffer> response = gateway.post("jira/fetchProjectStatuses", jwt, body);

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject scrum = response.bodyAsJsonObject().getJsonObject("SCRUM");
    JsonArray statuses = scrum.getJsonArray("statuses");
    assertEquals(3, statuses.size());
    assertEquals(
        new JsonObject()
            .put("id", "10000")
            .put("name", "To Do")
            .put(
                "statusCategory",
                new JsonObject().putNull("id").put("name", "To Do").put("key", "new")),
        statuses.getJsonObject(0));
    assertTrue(scrum.containsKey("priorityFieldMapping"));
  }

  @Test
  void fieldMetadata_everyProjectAndIssueType_keyedByIssueTypeId() {
    HttpResponse<Buffer> response = gateway.post(FIELDS, jwt, new JsonObject());

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject meta = response.bodyAsJsonObject();
    assertEquals(Set.of("SCRUM", "API"), meta.fieldNames());
    assertEquals(Set.of("10001", "10002"), meta.getJsonObject("SCRUM").fieldNames());
    List<String> ids =
        meta.getJsonObject("API").getJsonArray("10002").stream()
            .map(f -> ((JsonObject) f).getString("fieldId"))
            .toList();
    assertTrue(ids.contains("customfield_10050"), ids.toString());
    assertEquals(4, createMetaCalls());
  }

  @Test
  void fieldMetadata_askedAgain_isServedWithoutCallingJira() {
    gateway.post(FIELDS, jwt, new JsonObject());

    HttpResponse<Buffer> again = gateway.post(FIELDS, jwt, new JsonObject());

    assertEquals(200, again.statusCode());
    assertEquals(4, createMetaCalls());
  }

  @Test
  void fieldMetadata_afterASave_isReadFromJiraAgain() {
    gateway.post(FIELDS, jwt, new JsonObject());
    gateway.post("jira/add", jwt, Seed.save());

    HttpResponse<Buffer> after = gateway.post(FIELDS, jwt, new JsonObject());

    assertEquals(200, after.statusCode());
    assertEquals(8, createMetaCalls());
  }

  @Test
  void fieldMetadata_lockedAndUnscreenableFields_areLeftOut_othersKept() {
    HttpResponse<Buffer> response = gateway.post(FIELDS, jwt, new JsonObject());

    assertEquals(200, response.statusCode(), response.bodyAsString());
    List<String> ids = fieldIds(response, "SCRUM", "10001");
    assertFalse(ids.contains(SPRINT), "Sprint is locked: " + ids);
    assertFalse(ids.contains(ISSUE_COLOR), "Issue color is not screenable: " + ids);
    assertEquals(
        List.of(
            "summary",
            "issuetype",
            "project",
            "description",
            "labels",
            "priority",
            "customfield_10050",
            "customfield_10051"),
        ids);
    assertEquals(ids, fieldIds(response, "API", "10002"));
    List<String> searches = fieldSearchQueries();
    assertEquals(2, searches.size(), searches.toString());
    assertTrue(searches.get(0).startsWith("startAt=0&"), searches.toString());
    assertTrue(searches.get(1).startsWith("startAt=50&"), searches.toString());
    assertTrue(searches.get(0).contains("expand=isLocked,isUnscreenable"), searches.toString());
  }

  @Test
  void fieldMetadata_fieldSearchFailsAlone_answersUnfilteredAndReadsAgainNextTime() {
    jira.failNextOn(FIELD_SEARCH, 100, 503);

    HttpResponse<Buffer> first = gateway.post(FIELDS, jwt, new JsonObject());
    jira.clearFailures();
    HttpResponse<Buffer> second = gateway.post(FIELDS, jwt, new JsonObject());

    assertEquals(200, first.statusCode(), first.bodyAsString());
    List<String> unfiltered = fieldIds(first, "SCRUM", "10001");
    assertTrue(unfiltered.containsAll(List.of(SPRINT, ISSUE_COLOR)), unfiltered.toString());
    assertEquals(10, unfiltered.size(), unfiltered.toString());
    assertEquals(200, second.statusCode(), second.bodyAsString());
    assertFalse(fieldIds(second, "SCRUM", "10001").contains(SPRINT));
    assertEquals(8, createMetaCalls());
  }

  @Test
  void fieldMetadata_fieldSearchRefused_answersUnfilteredAndKeepsIt() {
    JsonObject refusal =
        new JsonObject()
            .put(
                "errorMessages", new JsonArray().add("Only Jira administrators can access fields."))
            .put("errors", new JsonObject());
    jira.failNextOn(FIELD_SEARCH, 1, 403, refusal);

    HttpResponse<Buffer> first = gateway.post(FIELDS, jwt, new JsonObject());
    HttpResponse<Buffer> second = gateway.post(FIELDS, jwt, new JsonObject());

    assertEquals(200, first.statusCode(), first.bodyAsString());
    assertTrue(fieldIds(first, "API", "10001").contains(SPRINT));
    assertEquals(first.bodyAsJsonObject(), second.bodyAsJsonObject());
    assertEquals(4, createMetaCalls());
    assertEquals(1, fieldSearchQueries().size());
  }

  @Test
  void fieldMetadata_createScreenFailsToo_isA422() {
    jira.failNextOn("/rest/api/3/issue/createmeta/", 100, 404);

    HttpResponse<Buffer> response = gateway.post(FIELDS, jwt, new JsonObject());

    assertError(response, 422, "Jira returned 404: Not Found");
  }

  @Test
  void reads_jiraAnswersAnHtmlPage_returnClean422() {
    jira.failNext(1, 403, "text/html", "<html><body>Forbidden</body></html>");

    HttpResponse<Buffer> response = gateway.post("jira/fetchPriorities", jwt, new JsonObject());

    assertError(
        response,
        422,
        "Jira returned 403 with an HTML page instead of JSON; check that baseUrl is the Jira site");
  }

  @Test
  void reads_notIntegrated_return422() {
    String stranger = gateway.adminToken(TestGateway.newAccount());

    assertError(
        gateway.post("jira/fetchPriorities", stranger, new JsonObject()),
        422,
        "Jira is not integrated.");
    assertError(gateway.post(FIELDS, stranger, new JsonObject()), 422, "Jira is not integrated.");
    assertError(
        gateway.post(
            "jira/fetchProjectStatuses", stranger, new JsonObject().put("projId", "SCRUM")),
        422,
        "Jira is not integrated.");
  }

  @Test
  void reads_readOnlyRole_mayRead_butNotSaveAMapping() {
    String reader = gateway.token(TestGateway.newAccount(), "MEMBER", "READ", "READ_WRITE");

    HttpResponse<Buffer> read = gateway.post("jira/fetchPriorities", reader, new JsonObject());
    HttpResponse<Buffer> save =
        gateway.post(
            "jira/savePriorityFieldMapping", reader, new JsonObject().put("projId", "SCRUM"));

    assertError(read, 422, "Jira is not integrated.");
    assertError(save, 403, "The role 'MEMBER' does not have access.");
  }

  private static List<String> fieldIds(HttpResponse<Buffer> response, String project, String type) {
    return response.bodyAsJsonObject().getJsonObject(project).getJsonArray(type).stream()
        .map(f -> ((JsonObject) f).getString("fieldId"))
        .toList();
  }

  private List<String> fieldSearchQueries() {
    return jira.requests().stream()
        .filter(r -> r.getString("path").equals(FIELD_SEARCH))
        .map(r -> r.getString("query"))
        .toList();
  }

  private long createMetaCalls() {
    return jira.requests().stream()
        .filter(
            r -> r.getString("path").matches("/rest/api/3/issue/createmeta/\\w+/issuetypes/\\d+"))
        .count();
  }
}
