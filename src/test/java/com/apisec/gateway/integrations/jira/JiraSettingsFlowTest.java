package com.apisec.gateway.integrations.jira;

import static com.apisec.gateway.integrations.jira.support.Replies.assertError;
import static com.apisec.gateway.integrations.jira.support.Replies.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

@RequiresContracts
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class JiraSettingsFlowTest {
  private static TestGateway gateway;
  @TempDir static Path dir;

  private long account;
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
  void newAccount() {
    gateway.sandbox().reset();
    account = TestGateway.newAccount();
    jwt = gateway.adminToken(account);
  }

  @Test
  void save_seedValues_returnsIntegrationWithIssueTypesAndTokenMasked() {
    JsonObject body = Seed.save();

    HttpResponse<Buffer> response = gateway.post("jira/add", jwt, body);

    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertFalse(response.bodyAsString().contains(Seed.API_TOKEN));
    JsonObject saved = response.bodyAsJsonObject().getJsonObject("jiraIntegration");
    assertEquals("********", saved.getString("apiToken"));
    assertEquals(TestGateway.BASE_URL, saved.getString("baseUrl"));
    assertEquals("CLOUD", saved.getString("jiraType"));
    assertEquals(Set.of("10001:Bug", "10002:Story"), types(saved, "SCRUM"));
    assertEquals(new JsonArray(), response.bodyAsJsonObject().getJsonArray("failedProjectKeys"));
    JsonObject call = lastIssueTypesCall();
    assertEquals("/rest/api/3/issue/createmeta/SCRUM/issuetypes", call.getString("path"));
    assertTrue(call.getJsonObject("headers").getString("Authorization").startsWith("Basic "));
  }

  @Test
  void save_jiraListsAnIssueTypeWhoseIdIsNoId_storesTheOthersOnly() {
    JsonArray listed =
        new JsonArray()
            .add(new JsonObject().put("id", "../../evil").put("name", "Bug"))
            .add(new JsonObject().put("id", "10002").put("name", "Story"));
    JsonObject page =
        new JsonObject()
            .put("startAt", 0)
            .put("maxResults", 50)
            .put("total", 2)
            .put("issueTypes", listed);
    gateway.sandbox().failNextOn("/rest/api/3/issue/createmeta/SCRUM/issuetypes", 1, 200, page);

    HttpResponse<Buffer> response = gateway.post("jira/add", jwt, Seed.save());

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject saved = response.bodyAsJsonObject().getJsonObject("jiraIntegration");
    assertEquals(Set.of("10002:Story"), types(saved, "SCRUM"));
    assertFalse(gateway.storedIntegration(account).encode().contains("evil"));
  }

  @Test
  void fetchIntegration_afterSave_returnsStoredIntegrationWithTokenMasked() {
    save(Seed.save());

    HttpResponse<Buffer> response = gateway.post("fetchIntegration", jwt, new JsonObject());

    assertEquals(200, response.statusCode());
    assertFalse(response.bodyAsString().contains(Seed.API_TOKEN));
    JsonObject integration = response.bodyAsJsonObject();
    assertEquals("********", integration.getString("apiToken"));
    assertEquals(Seed.USER_EMAIL, integration.getString("userEmail"));
    assertNotNull(integration.getJsonObject("projectMappings").getJsonObject("SCRUM"));
    assertTrue(integration.getLong("createdTs") > 0);
  }

  @Test
  void fetchIntegration_noIntegration_returnsNull_andAnotherAccountSeesNothing() {
    save(Seed.save());
    long other = TestGateway.newAccount();

    HttpResponse<Buffer> response =
        gateway.post("fetchIntegration", gateway.adminToken(other), new JsonObject());

    assertEquals(200, response.statusCode());
    assertEquals("null", response.bodyAsString());
  }

  @Test
  void save_storedDocument_holdsOnlyTheSealedToken() {
    save(Seed.save());

    JsonObject stored = gateway.storedIntegration(account);

    assertFalse(stored.encode().contains(Seed.API_TOKEN));
    assertTrue(stored.getString("apiToken").startsWith("v1:"));
    assertEquals(account, stored.getLong("accountId"));
  }

  @Test
  void save_maskedTokenAndSameHost_keepsStoredTokenAndChecksTheNewProject() {
    save(Seed.save());
    String sealed = gateway.storedIntegration(account).getString("apiToken");
    JsonObject again =
        Seed.save()
            .put("apiToken", "********")
            .put("projectMappings", new JsonObject().put("API", new JsonObject()));

    JsonObject saved = save(again);

    assertEquals(Set.of("SCRUM", "API"), saved.getJsonObject("projectIdsMap").fieldNames());
    assertEquals(
        "/rest/api/3/issue/createmeta/API/issuetypes", lastIssueTypesCall().getString("path"));
    assertEquals(sealed, gateway.storedIntegration(account).getString("apiToken"));
  }

  @Test
  void save_firstSaveWithoutToken_returns422NamingApiToken() {
    JsonObject body = Seed.save();
    body.remove("apiToken");

    HttpResponse<Buffer> response = gateway.post("jira/add", jwt, body);

    assertError(response, 422, "apiToken is required on the first save");
  }

  @Test
  void save_newHostWithoutToken_returns422NamingApiToken_andCallsNothing() {
    save(Seed.save());
    gateway.sandbox().reset();
    JsonObject moved =
        Seed.save().put("baseUrl", "https://other-org.atlassian.net").put("apiToken", "********");

    HttpResponse<Buffer> response = gateway.post("jira/add", jwt, moved);

    assertError(
        response,
        422,
        "apiToken is required because baseUrl points to another host than the saved one");
    assertTrue(gateway.sandbox().requests().isEmpty());
  }

  @Test
  void save_withoutPriorityMapping_keepsStoredOne_butANewOneReplacesIt() {
    JsonObject priority =
        new JsonObject()
            .put("fieldId", "priority")
            .put("severityToValueMap", new JsonObject().put("HIGH", "1"));
    save(
        Seed.save()
            .put(
                "projectMappings",
                new JsonObject()
                    .put("SCRUM", new JsonObject().put("priorityFieldMapping", priority))));

    JsonObject kept =
        save(
            Seed.save()
                .put(
                    "projectMappings",
                    new JsonObject()
                        .put("SCRUM", new JsonObject().putNull("priorityFieldMapping"))));
    JsonObject replaced =
        save(
            Seed.save()
                .put(
                    "projectMappings",
                    new JsonObject()
                        .put(
                            "SCRUM",
                            new JsonObject()
                                .put(
                                    "priorityFieldMapping",
                                    priority
                                        .copy()
                                        .put(
                                            "severityToValueMap",
                                            new JsonObject().put("HIGH", "2"))))));

    assertEquals("1", severityValue(kept, "HIGH"));
    assertEquals("2", severityValue(replaced, "HIGH"));
  }

  @Test
  void save_unknownProjectBesideKnownOne_savesKnownAndListsFailed() {
    JsonObject body =
        Seed.save()
            .put(
                "projectMappings",
                new JsonObject().put("SCRUM", new JsonObject()).put("NOPE", new JsonObject()));

    HttpResponse<Buffer> response = gateway.post("jira/add", jwt, body);

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject reply = response.bodyAsJsonObject();
    assertEquals(new JsonArray().add("NOPE"), reply.getJsonArray("failedProjectKeys"));
    assertEquals(
        "Jira returned 404: No project could be found with key 'NOPE'.",
        reply.getJsonObject("failureMessages").getString("NOPE"));
    assertEquals(
        Set.of("SCRUM"),
        reply.getJsonObject("jiraIntegration").getJsonObject("projectIdsMap").fieldNames());
  }

  @Test
  void save_jiraRefusesToken_returns422CredentialsRejected_andStoresNothing() {
    JsonObject body = Seed.save().put("apiToken", Seed.REVOKED_TOKEN);

    HttpResponse<Buffer> response = gateway.post("jira/add", jwt, body);

    assertError(response, 422, "Jira rejected the credentials (401)");
    assertNull(gateway.storedIntegration(account));
  }

  @Test
  void save_jiraAnswersHtml503_returns422WithCleanMessage() {
    gateway.sandbox().failNext(3, 503, "text/html", "<html><body>503</body></html>");

    HttpResponse<Buffer> response = gateway.post("jira/add", jwt, Seed.save());

    assertError(
        response,
        422,
        "Jira returned 503 with an HTML page instead of JSON; check that baseUrl is the Jira site");
  }

  @Test
  void save_badInput_returns422NamingTheField() {
    assertError(
        gateway.post("jira/add", jwt, Seed.save().put("jiraType", "SERVER")),
        422,
        "jiraType must be CLOUD or DATA_CENTER");
    assertError(
        gateway.post("jira/add", jwt, Seed.save().put("projectMappings", new JsonArray())),
        422,
        "projectMappings must be an object");
    assertError(
        gateway.post("jira/add", jwt, Seed.save().put("userEmail", List.of())),
        422,
        "userEmail must be a string");
  }

  @Test
  void save_baseUrlOnAPrivateAddress_returns422NamingBaseUrl() {
    JsonObject body = Seed.save().put("baseUrl", "https://10.1.2.3");

    HttpResponse<Buffer> response = gateway.post("jira/add", jwt, body);

    assertEquals(422, response.statusCode());
    String message = message(response);
    assertTrue(message.startsWith("baseUrl cannot be used: destination 10.1.2.3"), message);
  }

  @Test
  void save_baseUrlPortOutOfRange_returns422NamingBaseUrl_andStoresNothing() {
    for (String port : List.of(":99999", ":0", ":65536")) {
      JsonObject body = Seed.save().put("baseUrl", TestGateway.BASE_URL + port);

      HttpResponse<Buffer> response = gateway.post("jira/add", jwt, body);

      assertError(response, 422, "baseUrl has an invalid port; a port is a number from 1 to 65535");
    }
    assertNull(gateway.storedIntegration(account));
  }

  @Test
  void save_baseUrlIpv6Loopback_isRefusedByTheDestinationCheckNamingBaseUrl() {
    for (String baseUrl : List.of("https://[::1]", "https://[::ffff:127.0.0.1]:8443")) {
      JsonObject body = Seed.save().put("baseUrl", baseUrl);

      HttpResponse<Buffer> response = gateway.post("jira/add", jwt, body);

      assertEquals(422, response.statusCode(), response.bodyAsString());
      String message = message(response);
      assertTrue(message.startsWith("baseUrl cannot be used: destination "), message);
      assertTrue(message.endsWith("is not allowed: it resolves to a private or reserved address"));
    }
  }

  @Test
  void delete_savedProject_removesItFromBothMaps() {
    save(
        Seed.save()
            .put(
                "projectMappings",
                new JsonObject().put("SCRUM", new JsonObject()).put("API", new JsonObject())));

    HttpResponse<Buffer> response =
        gateway.post("jira/delete", jwt, new JsonObject().put("projId", "API"));

    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(
        new JsonObject().put("projId", "API").put("removed", true), response.bodyAsJsonObject());
    JsonObject stored = gateway.storedIntegration(account);
    assertEquals(Set.of("SCRUM"), stored.getJsonObject("projectIdsMap").fieldNames());
    assertEquals(Set.of("SCRUM"), stored.getJsonObject("projectMappings").fieldNames());
  }

  @Test
  void delete_missingProjIdOrNoIntegration_returns422() {
    assertError(gateway.post("jira/delete", jwt, new JsonObject()), 422, "projId is required");
    assertError(
        gateway.post("jira/delete", jwt, new JsonObject().put("projId", "SCRUM")),
        422,
        "Jira is not integrated.");
  }

  private JsonObject save(JsonObject body) {
    HttpResponse<Buffer> response = gateway.post("jira/add", jwt, body);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getJsonObject("jiraIntegration");
  }

  private static JsonObject lastIssueTypesCall() {
    List<JsonObject> calls =
        gateway.sandbox().requests().stream()
            .filter(r -> r.getString("path").endsWith("/issuetypes"))
            .toList();
    assertFalse(calls.isEmpty(), "no issue-type call reached the stand-in");
    return calls.get(calls.size() - 1);
  }

  private static Set<String> types(JsonObject integration, String project) {
    JsonArray types = integration.getJsonObject("projectIdsMap").getJsonArray(project);
    return Set.copyOf(
        types.stream()
            .map(t -> (JsonObject) t)
            .map(t -> t.getString("issueId") + ":" + t.getString("issueType"))
            .toList());
  }

  private static String severityValue(JsonObject integration, String severity) {
    return integration
        .getJsonObject("projectMappings")
        .getJsonObject("SCRUM")
        .getJsonObject("priorityFieldMapping")
        .getJsonObject("severityToValueMap")
        .getString(severity);
  }
}
