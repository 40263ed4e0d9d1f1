package com.apisec.gateway.integrations.jira;

import static com.apisec.gateway.integrations.jira.support.Replies.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.integrations.jira.support.Replies;
import com.apisec.gateway.integrations.jira.support.SandboxClient;
import com.apisec.gateway.integrations.jira.support.Seed;
import com.apisec.gateway.integrations.jira.support.TestGateway;
import com.apisec.gateway.sandbox.RequiresContracts;
import com.apisec.gateway.store.Collections;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seed's "Generic Integrations": legacy Jira test and save, and the onboarding steps. */
@RequiresContracts
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class JiraGenericFlowTest {
  private static TestGateway gateway;
  private static SandboxClient jira;
  @TempDir static Path dir;

  private long account;
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
  void newAccount() {
    jira.reset();
    account = TestGateway.newAccount();
    jwt = gateway.adminToken(account);
  }

  @Test
  void testIntegration_seedValues_returnsEachProjectsIssueTypesAndStoresNothing() {
    HttpResponse<Buffer> response = gateway.post("testIntegration", jwt, Seed.testIntegration());

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonArray types =
        new JsonArray()
            .add(new JsonObject().put("issueId", "10001").put("issueType", "Bug"))
            .add(new JsonObject().put("issueId", "10002").put("issueType", "Story"));
    assertEquals(
        new JsonObject().put("SCRUM", types).put("API", types), response.bodyAsJsonObject());
    assertNull(gateway.storedIntegration(account));
  }

  @Test
  void testIntegration_revokedToken_returns422NamingTheToken() {
    JsonObject body = Seed.testIntegration().put("apiToken", Seed.REVOKED_TOKEN);

    HttpResponse<Buffer> response = gateway.post("testIntegration", jwt, body);

    assertError(response, 422, "apiToken: Jira rejected the credentials (401)");
  }

  @Test
  void testIntegration_unknownProject_returns422NamingIt() {
    JsonObject body = Seed.testIntegration().put("projId", "SCRUM, OPS");

    HttpResponse<Buffer> response = gateway.post("testIntegration", jwt, body);

    assertError(
        response,
        422,
        "projId: Jira does not list OPS (Jira returned 404: No project could be found with key"
            + " 'OPS'.)");
  }

  @Test
  void testIntegration_baseUrlRefused_returns422NamingBaseUrlNotTheProjects() {
    for (String projId : List.of("SCRUM", "SCRUM,API")) {
      JsonObject body =
          Seed.testIntegration().put("baseUrl", "https://10.1.2.3").put("projId", projId);

      HttpResponse<Buffer> response = gateway.post("testIntegration", jwt, body);

      assertError(
          response,
          422,
          "baseUrl cannot be used: destination 10.1.2.3 is not allowed: it resolves to a private"
              + " or reserved address");
    }
  }

  @Test
  void testIntegration_baseUrlPortOutOfRange_returns422NamingBaseUrl() {
    JsonObject body = Seed.testIntegration().put("baseUrl", TestGateway.BASE_URL + ":99999");

    HttpResponse<Buffer> response = gateway.post("testIntegration", jwt, body);

    assertError(response, 422, "baseUrl has an invalid port; a port is a number from 1 to 65535");
  }

  @Test
  void testIntegration_oneLetterToken_jirasMessageStaysReadable() {
    JsonObject body = Seed.testIntegration().put("apiToken", "t").put("projId", "SCRUM, OPS");

    HttpResponse<Buffer> response = gateway.post("testIntegration", jwt, body);

    assertError(
        response,
        422,
        "projId: Jira does not list OPS (Jira returned 404: No project could be found with key"
            + " 'OPS'.)");
  }

  @Test
  void testIntegration_maskedTokenAfterASave_usesTheStoredToken() {
    gateway.post("jira/add", jwt, Seed.save());

    HttpResponse<Buffer> response =
        gateway.post("testIntegration", jwt, Seed.testIntegration().put("apiToken", "********"));

    assertEquals(200, response.statusCode(), response.bodyAsString());
  }

  @Test
  void testIntegration_badInput_returns422NamingTheField() {
    JsonObject noKeys = Seed.testIntegration().put("projId", " , ");
    JsonObject badKey = Seed.testIntegration().put("projId", "SCRUM,9X");
    JsonObject masked = Seed.testIntegration().put("apiToken", "********");

    assertError(
        gateway.post("testIntegration", jwt, noKeys),
        422,
        "projId must name at least one project key");
    assertError(
        gateway.post("testIntegration", jwt, badKey),
        422,
        "projId must be a Jira project key such as SCRUM");
    assertError(
        gateway.post("testIntegration", jwt, masked),
        422,
        "apiToken is required on the first save");
  }

  @Test
  void addIntegration_seedValues_savesTheProjectWithItsIssueTypes() {
    HttpResponse<Buffer> response = gateway.post("addIntegration", jwt, Seed.addIntegration());

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject stored = gateway.storedIntegration(account);
    assertEquals(Set.of("SCRUM"), stored.getJsonObject("projectIdsMap").fieldNames());
    assertEquals("CLOUD", stored.getString("jiraType"));
    assertTrue(!response.bodyAsString().contains(Seed.API_TOKEN));
  }

  @Test
  void addIntegration_projectAndIssueMapNotAList_returns422NamingIt() {
    JsonObject body =
        Seed.addIntegration().put("projectAndIssueMap", new JsonObject().put("SCRUM", "Bug"));

    HttpResponse<Buffer> response = gateway.post("addIntegration", jwt, body);

    assertError(response, 422, "projectAndIssueMap.SCRUM must be a list of {issueId, issueType}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SLACK_ALERTS", "slackAlerts"})
  void markConnectionAsSkipped_eitherName_isStoredUnderTheDashboardsKey(String name) {
    JsonObject body = new JsonObject().put("connectionSkipped", name);

    HttpResponse<Buffer> response = gateway.post("markConnectionAsSkipped", jwt, body);

    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("slackAlerts", response.bodyAsJsonObject().getString("connectionSkipped"));
    JsonObject info =
        gateway.post("getIntegratedConnectionsInfo", jwt, new JsonObject()).bodyAsJsonObject();
    long skipped = info.getJsonObject("slackAlerts").getLong("lastSkipped");
    assertEquals(response.bodyAsJsonObject().getLong("lastSkipped"), skipped);
    assertEquals(0L, info.getJsonObject("githubSso").getLong("lastSkipped"));
  }

  @Test
  void markConnectionAsSkipped_nullOrUnknown_returns422NamingTheField() {
    HttpResponse<Buffer> none =
        gateway.post("markConnectionAsSkipped", jwt, new JsonObject().putNull("connectionSkipped"));
    HttpResponse<Buffer> unknown =
        gateway.post(
            "markConnectionAsSkipped", jwt, new JsonObject().put("connectionSkipped", "$set"));

    assertError(none, 422, "connectionSkipped is required");
    assertTrue(
        Replies.message(unknown).startsWith("connectionSkipped must be one of automatedTraffic"));
  }

  @Test
  void getIntegratedConnectionsInfo_theReferencesShape_withJiraIntegratedOnceSaved() {
    JsonObject before =
        gateway.post("getIntegratedConnectionsInfo", jwt, new JsonObject()).bodyAsJsonObject();
    gateway.post("jira/add", jwt, Seed.save());

    JsonObject after =
        gateway.post("getIntegratedConnectionsInfo", jwt, new JsonObject()).bodyAsJsonObject();

    assertEquals(
        Set.of(
            "automatedTraffic",
            "githubSso",
            "slackAlerts",
            "cicdIntegrations",
            "inviteMembers",
            "jira"),
        before.fieldNames());
    JsonObject untouched = new JsonObject().put("lastSkipped", 0L).put("integrated", false);
    assertEquals(untouched, before.getJsonObject("cicdIntegrations"));
    assertEquals(untouched, before.getJsonObject("jira"));
    assertEquals(true, after.getJsonObject("jira").getBoolean("integrated"));
  }

  @Test
  void getIntegratedConnectionsInfo_stepsRecordedIntegrated_readIntegrated_othersNot() {
    gateway
        .findings()
        .accountSettings(
            account,
            new JsonObject()
                .put("slackAlerts", step(1_700_000_000L, true))
                .put("githubSso", step(1_700_000_100L, false))
                .put("inviteMembers", step(1_700_000_200L, false))
                .put(
                    "automatedTraffic",
                    new JsonObject().put("integrated", "yes").put("lastSkipped", "soon"))
                .put("jira", step(0, true)));
    gateway.saveRaw(
        Collections.CONNECTIONS,
        new JsonObject()
            .put("accountId", account)
            .put(
                "connectionIntegrationsInfo",
                new JsonObject()
                    .put("cicdIntegrations", new JsonObject().put("integrated", true))));
    JsonObject invite = new JsonObject().put("connectionSkipped", "inviteMembers");
    long skipped =
        gateway
            .post("markConnectionAsSkipped", jwt, invite)
            .bodyAsJsonObject()
            .getLong("lastSkipped");

    HttpResponse<Buffer> response =
        gateway.post("getIntegratedConnectionsInfo", jwt, new JsonObject());

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject expected =
        new JsonObject()
            .put("automatedTraffic", step(0, false))
            .put("githubSso", step(1_700_000_100L, false))
            .put("slackAlerts", step(1_700_000_000L, true))
            .put("cicdIntegrations", step(0, true))
            .put("inviteMembers", step(skipped, false))
            .put("jira", step(0, false));
    assertEquals(expected, response.bodyAsJsonObject());
  }

  private static JsonObject step(long lastSkipped, boolean integrated) {
    return new JsonObject().put("lastSkipped", lastSkipped).put("integrated", integrated);
  }
}
