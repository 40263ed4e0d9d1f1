package com.apisec.gateway.integrations.jira;

import static com.apisec.gateway.integrations.jira.support.Replies.assertError;
import static com.apisec.gateway.integrations.jira.support.Replies.ticketKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.apisec.gateway.integrations.jira.support.PlatformFindings;
import com.apisec.gateway.integrations.jira.support.SandboxClient;
import com.apisec.gateway.integrations.jira.support.Seed;
import com.apisec.gateway.integrations.jira.support.TestGateway;
import com.apisec.gateway.sandbox.RequiresContracts;
import com.apisec.gateway.store.TestingIssueId;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
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

/** Priority mappings: saved in either form, checked against create-meta, applied on create. */
@RequiresContracts
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JiraPriorityMappingFlowTest {
  private static TestGateway gateway;
  private static SandboxClient jira;
  private static PlatformFindings platform;
  @TempDir static Path dir;

  private long account;
  private String jwt;
  private List<TestingIssueId> demo;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    gateway = TestGateway.start(vertx, dir, 10_000);
    jira = gateway.sandbox();
    platform = gateway.findings();
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
    account = TestGateway.newAccount();
    jwt = gateway.adminToken(account);
    demo = platform.copyDemo(account);
    assertEquals(200, gateway.post("jira/add", jwt, Seed.save()).statusCode());
    jira.reset();
  }

  @Test
  void save_seedShortForm_storesTheCheckedMappingWithJirasNames() {
    HttpResponse<Buffer> response = gateway.post("jira/savePriorityFieldMapping", jwt, seedMap());

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject mapping = response.bodyAsJsonObject().getJsonObject("priorityFieldMapping");
    assertEquals("priority", mapping.getString("fieldId"));
    assertEquals("priority", mapping.getString("fieldType"));
    assertEquals(
        new JsonObject().put("HIGH", "Highest").put("MEDIUM", "Medium").put("LOW", "Lowest"),
        mapping.getJsonObject("severityToDisplayNameMap"));
    assertEquals(
        2,
        jira.count("GET", "/rest/api/3/issue/createmeta/SCRUM/issuetypes/10001")
            + jira.count("GET", "/rest/api/3/issue/createmeta/SCRUM/issuetypes/10002"));
  }

  @Test
  void fetch_afterSave_returnsTheMappingByEitherProjectField() {
    gateway.post("jira/savePriorityFieldMapping", jwt, seedMap());

    JsonObject byKey =
        gateway
            .post(
                "jira/fetchPriorityFieldMapping", jwt, new JsonObject().put("projectKey", "SCRUM"))
            .bodyAsJsonObject();
    JsonObject byId =
        gateway
            .post("jira/fetchPriorityFieldMapping", jwt, new JsonObject().put("projId", "SCRUM"))
            .bodyAsJsonObject();

    assertEquals("1", byKey.getJsonObject("severityToValueMap").getString("HIGH"));
    assertEquals(byKey, byId);
  }

  @Test
  void fetch_nothingSaved_returnsThePriorityFieldUnmapped() {
    HttpResponse<Buffer> response =
        gateway.post(
            "jira/fetchPriorityFieldMapping", jwt, new JsonObject().put("projectKey", "API"));

    assertEquals(
        new JsonObject()
            .put("fieldId", "priority")
            .put("fieldName", "Priority")
            .putNull("fieldType")
            .put("severityToValueMap", new JsonObject())
            .put("severityToDisplayNameMap", new JsonObject()),
        response.bodyAsJsonObject());
  }

  @Test
  void save_idNotAnAllowedValue_returns422NamingTheSeverityAndStoresNothing() {
    JsonObject body = seedMap();
    body.getJsonObject("priorityMap").put("HIGH", "9");

    HttpResponse<Buffer> response = gateway.post("jira/savePriorityFieldMapping", jwt, body);

    assertError(
        response,
        422,
        "priorityMap.HIGH: '9' is not a value of priority in project SCRUM"
            + " (allowed ids: 1, 2, 3, 4, 5)");
    assertFalse(
        gateway
            .storedIntegration(account)
            .getJsonObject("projectMappings")
            .getJsonObject("SCRUM")
            .containsKey("priorityFieldMapping"));
  }

  @Test
  void save_fieldNotOnTheScreen_returns422NamingIt() {
    JsonObject body = highMapping("customfield_12345", "1");

    HttpResponse<Buffer> response = gateway.post("jira/savePriorityFieldMapping", jwt, body);

    assertError(
        response,
        422,
        "priorityFieldMapping.fieldId: the field 'customfield_12345' is not on a create screen of"
            + " project SCRUM");
  }

  @Test
  void createJiraIssue_mappedSeverity_sendsThePriorityId() {
    gateway.post("jira/savePriorityFieldMapping", jwt, seedMap());

    String key = ticketKey(gateway.post("createJiraIssue", jwt, Seed.findingTicket(demo.get(0))));

    JsonObject fields = jira.issue(key).getJsonObject("fields");
    assertEquals(new JsonObject().put("id", "1"), fields.getJsonObject("priority"));
  }

  @Test
  void createJiraIssue_unmappedSeverity_sendsNoPriority() {
    gateway.post("jira/savePriorityFieldMapping", jwt, seedMap());

    String key = ticketKey(gateway.post("createJiraIssue", jwt, Seed.findingTicket(demo.get(1))));

    assertFalse(jira.issue(key).getJsonObject("fields").containsKey("priority"));
  }

  @Test
  void save_multiSelectListWithBlanksAndSpaces_storesTheCleanListAndItsNames() {
    JsonObject body = highMapping("customfield_10051", "10200,,10201 ,");

    HttpResponse<Buffer> response = gateway.post("jira/savePriorityFieldMapping", jwt, body);

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject saved = response.bodyAsJsonObject().getJsonObject("priorityFieldMapping");
    assertEquals("10200,10201", saved.getJsonObject("severityToValueMap").getString("HIGH"));
    String names = saved.getJsonObject("severityToDisplayNameMap").getString("HIGH");
    assertEquals(2, names.split(", ").length, names);
    JsonObject fetched =
        gateway
            .post(
                "jira/fetchPriorityFieldMapping", jwt, new JsonObject().put("projectKey", "SCRUM"))
            .bodyAsJsonObject();
    assertEquals("10200,10201", fetched.getJsonObject("severityToValueMap").getString("HIGH"));
  }

  @Test
  void createJiraIssue_multiSelectMapping_sendsAnArrayOfIdsOverTheDashboardsValue() {
    JsonObject body = highMapping("customfield_10051", "10200,10201");
    assertEquals(200, gateway.post("jira/savePriorityFieldMapping", jwt, body).statusCode());
    JsonObject ticket = Seed.findingTicket(demo.get(0));
    JsonObject dashboardValue =
        new JsonObject()
            .put("fieldId", "customfield_10051")
            .put("fieldValue", new JsonArray().add(new JsonObject().put("id", "10202")));
    ticket
        .getJsonObject("jiraMetaData")
        .put(
            "additionalIssueFields",
            new JsonObject().put("customIssueFields", new JsonArray().add(dashboardValue)));

    String key = ticketKey(gateway.post("createJiraIssue", jwt, ticket));

    assertEquals(
        new JsonArray()
            .add(new JsonObject().put("id", "10200"))
            .add(new JsonObject().put("id", "10201")),
        jira.issue(key).getJsonObject("fields").getJsonArray("customfield_10051"));
  }

  @Test
  void jiraAdd_withoutAMapping_keepsTheStoredOne() {
    gateway.post("jira/savePriorityFieldMapping", jwt, seedMap());

    gateway.post("jira/add", jwt, Seed.save());

    JsonObject mapping =
        gateway
            .post("jira/fetchPriorityFieldMapping", jwt, new JsonObject().put("projId", "SCRUM"))
            .bodyAsJsonObject();
    assertEquals("5", mapping.getJsonObject("severityToValueMap").getString("LOW"));
  }

  @Test
  void jiraAdd_withAMappingNotOnTheScreen_returns422AndStoresNothing() {
    JsonObject mapping =
        new JsonObject()
            .put("fieldId", "priority")
            .put("severityToValueMap", new JsonObject().put("LOW", "42"));
    JsonObject save =
        Seed.save()
            .put(
                "projectMappings",
                new JsonObject().put("API", new JsonObject().put("priorityFieldMapping", mapping)));

    HttpResponse<Buffer> response = gateway.post("jira/add", jwt, save);

    assertError(
        response,
        422,
        "projectMappings.API.priorityFieldMapping.severityToValueMap.LOW: '42' is not a value of"
            + " priority in project API (allowed ids: 1, 2, 3, 4, 5)");
    assertFalse(
        gateway.storedIntegration(account).getJsonObject("projectMappings").containsKey("API"));
  }

  private static JsonObject seedMap() {
    return new JsonObject()
        .put("projId", "SCRUM")
        .put("priorityMap", new JsonObject().put("HIGH", "1").put("MEDIUM", "3").put("LOW", "5"));
  }

  /** A savePriorityFieldMapping body for project SCRUM that maps HIGH alone. */
  private static JsonObject highMapping(String fieldId, String ids) {
    return new JsonObject()
        .put("projectKey", "SCRUM")
        .put(
            "priorityFieldMapping",
            new JsonObject()
                .put("fieldId", fieldId)
                .put("severityToValueMap", new JsonObject().put("HIGH", ids)));
  }
}
