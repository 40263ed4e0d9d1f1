package com.apisec.gateway.integrations.jira;

import static com.apisec.gateway.integrations.jira.support.Replies.assertError;
import static com.apisec.gateway.integrations.jira.support.Replies.message;
import static com.apisec.gateway.integrations.jira.support.Replies.ticketKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.integrations.jira.support.PlatformFindings;
import com.apisec.gateway.integrations.jira.support.SandboxClient;
import com.apisec.gateway.integrations.jira.support.Seed;
import com.apisec.gateway.integrations.jira.support.TestGateway;
import com.apisec.gateway.sandbox.RequiresContracts;
import com.apisec.gateway.store.TestingIssueId;
import com.apisec.gateway.testing.LeakWatch;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Jira Data Center end to end (REST v2, Bearer personal access token, wiki markup), and one finding
 * sent through both deployments, each body checked against its own published contract.
 */
@RequiresContracts
@ExtendWith(VertxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class JiraDataCenterFlowTest {
  static final String PAT = LeakWatch.secret("NjE0ODc5MzE2NDQ2OgatewayDataCenterPat");
  private static TestGateway gateway;
  private static SandboxClient cloud;
  private static SandboxClient dc;
  private static PlatformFindings platform;
  @TempDir static Path dir;

  private long account;
  private String jwt;
  private List<TestingIssueId> demo;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    gateway = TestGateway.start(vertx, dir, 10_000);
    cloud = gateway.sandbox();
    dc = cloud.vendor("jira-dc");
    platform = gateway.findings();
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
  }

  @AfterEach
  void heldToTheContracts() {
    cloud.assertNoViolations();
  }

  @BeforeEach
  void accountWithDemoFindings() {
    cloud.reset();
    account = TestGateway.newAccount();
    jwt = gateway.adminToken(account);
    demo = platform.copyDemo(account);
  }

  @ParameterizedTest
  @EnumSource(JiraDeployment.class)
  void createJiraIssue_sameFinding_isWrittenInEachDeploymentsFormat(JiraDeployment deployment) {
    SandboxClient jira = save(deployment);
    JsonObject body = Seed.findingTicket(demo.get(0));
    body.getJsonObject("jiraMetaData")
        .put(
            "issueDescription",
            "Reproduce with:\n```\ncurl -X GET https://api.example.com/api/v1/users/42\n```");

    String key = ticketKey(gateway.post("createJiraIssue", jwt, body));

    JsonObject sent = lastCreate(jira);
    Object description = sent.getJsonObject("fields").getValue("description");
    if (deployment == JiraDeployment.CLOUD) {
      assertTrue(((JsonObject) description).encode().contains("\"type\":\"codeBlock\""));
      assertEquals("Basic [REDACTED]", authorization(jira));
    } else {
      String wiki = (String) description;
      for (String part :
          List.of(
              "h3. Overview",
              "h4. Severity",
              "* Issue Found on 2024-01-15 14:32 UTC",
              "[Issue link - Akto dashboard|https://app.akto.example.com/dashboard/issues?result=65a5a5a5]",
              "{code}\ncurl -X GET https://api.example.com/api/v1/users/42\n{code}")) {
        assertTrue(wiki.contains(part), part + " missing from " + wiki);
      }
      assertEquals("Bearer [REDACTED]", authorization(jira));
    }
    assertEquals(
        (deployment == JiraDeployment.CLOUD ? TestGateway.BASE_URL : TestGateway.DC_BASE_URL)
            + "/browse/"
            + key,
        platform.issue(account, demo.get(0)).getString("jiraIssueUrl"));
  }

  @Test
  void save_dataCenterWithoutEmail_listsIssueTypesOverV2() {
    HttpResponse<Buffer> response = gateway.post("jira/add", jwt, dcSave());

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject saved = response.bodyAsJsonObject().getJsonObject("jiraIntegration");
    assertEquals("DATA_CENTER", saved.getString("jiraType"));
    assertEquals("********", saved.getString("apiToken"));
    assertEquals(2, saved.getJsonObject("projectIdsMap").getJsonArray("SCRUM").size());
    assertEquals(1, dc.count("GET", "/rest/api/2/issue/createmeta/SCRUM/issuetypes"));
  }

  @Test
  void save_revokedPat_returns422() {
    HttpResponse<Buffer> response =
        gateway.post("jira/add", jwt, dcSave().put("apiToken", Seed.REVOKED_TOKEN));

    assertError(response, 422, "Jira rejected the credentials (401)");
  }

  @Test
  void generalTicket_seedValues_createsAWikiIssueOnDataCenter() {
    save(JiraDeployment.DATA_CENTER);

    HttpResponse<Buffer> response = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());

    assertEquals(
        TestGateway.DC_BASE_URL + "/browse/SCRUM-1",
        response.bodyAsJsonObject().getString("jiraTicketUrl"));
    String description = dc.issue("SCRUM-1").getJsonObject("fields").getString("description");
    assertTrue(
        description.startsWith("Unauthorized access to other users' data was detected."),
        description);
    assertTrue(description.contains("h3. Event details\n\n* Event type: THREAT"), description);
  }

  @Test
  void attachFile_dataCenter_uploadsOneFilePartOverV2() {
    save(JiraDeployment.DATA_CENTER);
    gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());
    JsonObject body =
        new JsonObject()
            .put("issueId", "SCRUM-1")
            .put("origReq", "[RAW_HTTP_SAMPLE]")
            .put("testReq", "[RAW_HTTP_TEST_SAMPLE]");

    HttpResponse<Buffer> response = gateway.post("attachFileToIssue", jwt, body);

    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(1, dc.count("POST", "/rest/api/2/issue/SCRUM-1/attachments"));
  }

  @Test
  void bulk_dataCenter_createsOverV2AndLinksEachIssue() {
    save(JiraDeployment.DATA_CENTER);
    JsonArray ids = new JsonArray();
    demo.forEach(id -> ids.add(id.toJson()));
    JsonObject body =
        new JsonObject().put("issuesIds", ids).put("projId", "SCRUM").put("issueType", "10001");

    HttpResponse<Buffer> response = gateway.post("bulkCreateJiraTickets", jwt, body);

    assertEquals(
        3, response.bodyAsJsonObject().getInteger("createdCount"), response.bodyAsString());
    assertEquals(1, dc.count("POST", "/rest/api/2/issue/bulk"));
    for (TestingIssueId id : demo) {
      String url = platform.issue(account, id).getString("jiraIssueUrl");
      String key = url.substring(url.lastIndexOf('/') + 1);
      String marker = dc.issue(key).getJsonObject("properties").getString("gateway.subject");
      assertEquals(id.subject(), new JsonObject(marker).getString("subject"));
    }
  }

  @Test
  void createJiraIssue_dataCenterAnsweredUnknown_retryFindsTheIssueByReadingProperties() {
    save(JiraDeployment.DATA_CENTER);
    dc.failNext(1, 502, "text/html", "<html>Bad gateway</html>");
    HttpResponse<Buffer> unknown =
        gateway.post("createJiraIssue", jwt, Seed.findingTicket(demo.get(0)));
    JsonObject lost = lastCreate(dc);
    dc.createDirectly(
        new JsonObject()
            .put("fields", lost.getJsonObject("fields").copy().put("summary", "other")));
    String made = dc.createDirectly(lost);

    HttpResponse<Buffer> retried =
        gateway.post("createJiraIssue", jwt, Seed.findingTicket(demo.get(0)));

    assertTrue(message(unknown).startsWith("the outcome of creating the Jira issue is unknown"));
    assertEquals(made, ticketKey(retried));
    assertEquals(1, dc.count("POST", "/rest/api/2/search"));
    assertEquals(1, dc.count("GET", "/rest/api/2/issue/" + made + "/properties/gateway.subject"));
    assertNull(dc.issue("SCRUM-3"));
  }

  @Test
  void createJiraIssue_dataCenterSearchAnswersAPathAsKey_readsNothingThereAndCreates() {
    save(JiraDeployment.DATA_CENTER);
    dc.failNext(1, 502, "text/html", "<html>Bad gateway</html>");
    gateway.post("createJiraIssue", jwt, Seed.findingTicket(demo.get(0)));
    JsonObject hostile = new JsonObject().put("id", "10000").put("key", "../../evil");
    JsonObject page =
        new JsonObject()
            .put("startAt", 0)
            .put("maxResults", 50)
            .put("total", 1)
            .put("issues", new JsonArray().add(hostile));
    dc.failNextOn("/rest/api/2/search", 1, 200, page);

    HttpResponse<Buffer> retried =
        gateway.post("createJiraIssue", jwt, Seed.findingTicket(demo.get(0)));

    assertEquals("SCRUM-1", ticketKey(retried));
    assertTrue(dc.requests().stream().noneMatch(r -> r.getString("path").contains("evil")));
  }

  @Test
  void readsAndMapping_dataCenter_readV2ListingsPagedAsValues() {
    save(JiraDeployment.DATA_CENTER);
    JsonObject map =
        new JsonObject()
            .put("projId", "SCRUM")
            .put("priorityMap", new JsonObject().put("HIGH", "2"));

    HttpResponse<Buffer> priorities = gateway.post("jira/fetchPriorities", jwt, new JsonObject());
    HttpResponse<Buffer> fields =
        gateway.post("fetchCreateJiraIssueFieldMetaData", jwt, new JsonObject());
    HttpResponse<Buffer> saved = gateway.post("jira/savePriorityFieldMapping", jwt, map);

    assertEquals(5, priorities.bodyAsJsonArray().size(), priorities.bodyAsString());
    List<String> ids =
        fields.bodyAsJsonObject().getJsonObject("SCRUM").getJsonArray("10001").stream()
            .map(f -> ((JsonObject) f).getString("fieldId"))
            .toList();
    assertTrue(ids.contains("customfield_10050"), ids.toString());
    assertFalse(ids.contains("customfield_10020"), "Sprint is locked: " + ids);
    assertTrue(ids.contains("customfield_10017"), "Data Center has no screen flag: " + ids);
    assertEquals(9, ids.size(), ids.toString());
    assertEquals(1, dc.count("GET", "/rest/api/2/customFields"));
    assertEquals(200, saved.statusCode(), saved.bodyAsString());
    assertEquals(1, dc.count("GET", "/rest/api/2/priority"));
  }

  @Test
  void testIntegration_dataCenterPat_returnsIssueTypes() {
    JsonObject body =
        new JsonObject()
            .put("baseUrl", TestGateway.DC_BASE_URL)
            .put("projId", "SCRUM")
            .put("apiToken", PAT)
            .put("jiraType", "DATA_CENTER");

    HttpResponse<Buffer> response = gateway.post("testIntegration", jwt, body);

    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(2, response.bodyAsJsonObject().getJsonArray("SCRUM").size());
  }

  private SandboxClient save(JiraDeployment deployment) {
    JsonObject body = deployment == JiraDeployment.CLOUD ? Seed.save() : dcSave();
    assertEquals(200, gateway.post("jira/add", jwt, body).statusCode());
    cloud.reset();
    return deployment == JiraDeployment.CLOUD ? cloud : dc;
  }

  private static JsonObject dcSave() {
    return new JsonObject()
        .put("baseUrl", TestGateway.DC_BASE_URL)
        .put("apiToken", PAT)
        .put("jiraType", "DATA_CENTER")
        .put("projectMappings", new JsonObject().put("SCRUM", new JsonObject()));
  }

  private static JsonObject lastCreate(SandboxClient jira) {
    return jira.requests().stream()
        .filter(
            r ->
                r.getString("method").equals("POST")
                    && r.getString("path").equals(jira.rest() + "/issue"))
        .reduce((first, second) -> second)
        .orElseThrow()
        .getJsonObject("body");
  }

  private static String authorization(SandboxClient jira) {
    return jira.requests().get(0).getJsonObject("headers").getString("Authorization");
  }
}
