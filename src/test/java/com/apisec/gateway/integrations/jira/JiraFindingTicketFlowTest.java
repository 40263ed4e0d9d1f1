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
import com.apisec.gateway.store.DemoFindings;
import com.apisec.gateway.store.TestingIssueId;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

/** {@code createJiraIssue} end to end, with the demo findings copied into a fresh account. */
@RequiresContracts
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JiraFindingTicketFlowTest {
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
  void integratedAccountWithDemoFindings() {
    jira.reset();
    account = TestGateway.newAccount();
    jwt = gateway.adminToken(account);
    demo = platform.copyDemo(account);
    JsonObject projects =
        new JsonObject().put("SCRUM", new JsonObject()).put("API", new JsonObject());
    assertEquals(
        200,
        gateway.post("jira/add", jwt, Seed.save().put("projectMappings", projects)).statusCode());
    jira.reset();
  }

  @Test
  void createJiraIssue_demoFinding_createsTicketWithFindingTextAndReturnsKeyAndUrl() {
    JsonObject body = Seed.findingTicket(demo.get(0));

    HttpResponse<Buffer> response = gateway.post("createJiraIssue", jwt, body);

    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(
        new JsonObject()
            .put("jiraTicketKey", "SCRUM-1")
            .put("jiraTicketUrl", TestGateway.BASE_URL + "/browse/SCRUM-1"),
        response.bodyAsJsonObject());
    JsonObject fields = jira.issue("SCRUM-1").getJsonObject("fields");
    assertEquals(
        "Akto Report - BOLA by replacing the auth token (GET - /api/v1/users/42)",
        fields.getString("summary"));
    assertEquals(new JsonArray().add("security").add("akto"), fields.getJsonArray("labels"));
    String description = fields.getJsonObject("description").encode();
    for (String part :
        List.of(
            "Host - ",
            "https://api.example.com",
            "Issue link - Akto dashboard",
            "Overview",
            "Severity",
            "HIGH",
            "Timelines (UTC)",
            "Issue Found on 2024-01-15 14:32 UTC",
            "CWE-639",
            "API1:2023",
            "Remediation",
            "Check that the caller owns the object on every request.")) {
      assertTrue(description.contains(part), part + " missing from " + description);
    }
  }

  @Test
  void createJiraIssue_demoFinding_writesTheLinkBackOnTheTestingIssue() {
    JsonObject body = Seed.findingTicket(demo.get(0));

    String key = ticketKey(gateway.post("createJiraIssue", jwt, body));

    JsonObject issue = platform.issue(account, demo.get(0));
    assertEquals(TestGateway.BASE_URL + "/browse/" + key, issue.getString("jiraIssueUrl"));
    assertEquals("JIRA", issue.getString("ticketSource"));
    assertEquals("SCRUM", issue.getString("ticketProjectKey"));
    assertEquals(key, issue.getString("ticketId"));
    long updated = issue.getLong("ticketLastUpdatedAt");
    assertTrue(Math.abs(Instant.now().getEpochSecond() - updated) < 60, "updated " + updated);
    assertNull(platform.issue(account, demo.get(1)).getValue("jiraIssueUrl"));
  }

  @Test
  void createJiraIssue_demoFinding_attachesTheSamplesAndMarksTheIssue() {
    JsonObject body = Seed.findingTicket(demo.get(1));

    String key = ticketKey(gateway.post("createJiraIssue", jwt, body));

    assertEquals(1, jira.count("POST", "/rest/api/3/issue/" + key + "/attachments"));
    JsonObject upload =
        jira.requests().stream()
            .filter(r -> r.getString("path").endsWith("/attachments"))
            .findFirst()
            .orElseThrow();
    String fileName =
        upload.getJsonObject("body").getJsonArray("parts").getJsonObject(0).getString("filename");
    assertTrue(fileName.startsWith("request-response-"), fileName);
    JsonObject marker =
        jira.issue(key).getJsonObject("properties").getJsonObject("gateway.subject");
    assertEquals(demo.get(1).subject(), marker.getString("subject"));
  }

  @Test
  void createJiraIssue_sameFindingAgain_returnsTheSameTicketAndSaysSo() {
    gateway.post("createJiraIssue", jwt, Seed.findingTicket(demo.get(0)));

    HttpResponse<Buffer> again =
        gateway.post("createJiraIssue", jwt, Seed.findingTicket(demo.get(0)).put("projId", "API"));

    assertEquals("SCRUM-1", ticketKey(again));
    assertEquals(true, again.bodyAsJsonObject().getBoolean("existing"));
    assertEquals(
        "The testing issue already has a Jira ticket: SCRUM-1",
        again.bodyAsJsonObject().getString("message"));
    assertEquals(1, jira.creates());
  }

  @Test
  void createJiraIssue_findingTheLedgerKnowsButNotLinked_linksItWithoutCreating() {
    gateway.post("createJiraIssue", jwt, Seed.findingTicket(demo.get(2)));
    platform.link(account, demo.get(2), "");

    HttpResponse<Buffer> again =
        gateway.post("createJiraIssue", jwt, Seed.findingTicket(demo.get(2)));

    assertEquals("SCRUM-1", ticketKey(again));
    String message = again.bodyAsJsonObject().getString("message", "");
    assertTrue(message.startsWith("A Jira ticket already exists"), again.bodyAsString());
    assertEquals(
        TestGateway.BASE_URL + "/browse/SCRUM-1",
        platform.issue(account, demo.get(2)).getString("jiraIssueUrl"));
    assertEquals(1, jira.creates());
  }

  @Test
  void createJiraIssue_findingLinkedByThePlatform_returnsThatTicketWithoutCreating() {
    platform.link(account, demo.get(0), TestGateway.BASE_URL + "/browse/SCRUM-42");

    HttpResponse<Buffer> response =
        gateway.post("createJiraIssue", jwt, Seed.findingTicket(demo.get(0)));

    assertEquals("SCRUM-42", ticketKey(response));
    assertEquals(
        TestGateway.BASE_URL + "/browse/SCRUM-42",
        response.bodyAsJsonObject().getString("jiraTicketUrl"));
    assertEquals(true, response.bodyAsJsonObject().getBoolean("existing"));
    assertEquals(0, jira.creates());
  }

  @Test
  void createJiraIssue_testingIssueNotInTheAccount_returns422NamingTheField() {
    TestingIssueId absent =
        new TestingIssueId(1, "https://api.example.com/none", "GET", "NONE", "RUNTIME");

    HttpResponse<Buffer> response =
        gateway.post("createJiraIssue", jwt, Seed.findingTicket(absent));

    assertError(
        response, 422, "jiraMetaData.testingIssueId names no testing issue of this account");
    assertEquals(0, jira.creates());
  }

  @Test
  void createJiraIssue_demoFindingOfAnotherAccount_isNotFound() {
    String stranger = gateway.adminToken(TestGateway.newAccount());
    gateway.post("jira/add", stranger, Seed.save());

    HttpResponse<Buffer> response =
        gateway.post("createJiraIssue", stranger, Seed.findingTicket(demo.get(0)));

    assertError(
        response, 422, "jiraMetaData.testingIssueId names no testing issue of this account");
  }

  @Test
  void createJiraIssue_badInput_returns422NamingTheField() {
    JsonObject noMeta = Seed.findingTicket(demo.get(0));
    noMeta.remove("jiraMetaData");
    JsonObject badMethod = Seed.findingTicket(demo.get(0));
    badMethod
        .getJsonObject("jiraMetaData")
        .getJsonObject("testingIssueId")
        .getJsonObject("apiInfoKey")
        .put("method", "FETCH");
    JsonObject badLabels = Seed.findingTicket(demo.get(0));
    badLabels.getJsonObject("jiraMetaData").put("labels", 7);
    JsonObject ownField = Seed.findingTicket(demo.get(0));
    ownField.getJsonObject("jiraMetaData").put("additionalIssueFields", custom("summary", "x"));
    JsonObject nullValue = Seed.findingTicket(demo.get(0));
    nullValue.getJsonObject("jiraMetaData").put("additionalIssueFields", custom("priority", null));

    assertError(gateway.post("createJiraIssue", jwt, noMeta), 422, "jiraMetaData is required");
    assertTrue(
        message(gateway.post("createJiraIssue", jwt, badMethod))
            .startsWith("jiraMetaData.testingIssueId.apiInfoKey.method must be one of GET"));
    assertError(
        gateway.post("createJiraIssue", jwt, badLabels),
        422,
        "jiraMetaData.labels must be a comma-separated string");
    assertError(
        gateway.post("createJiraIssue", jwt, ownField),
        422,
        "jiraMetaData.additionalIssueFields.customIssueFields[0].fieldId 'summary' is set by the"
            + " gateway and cannot be sent");
    assertError(
        gateway.post("createJiraIssue", jwt, nullValue),
        422,
        "jiraMetaData.additionalIssueFields.customIssueFields[0].fieldValue is required");
    assertEquals(0, jira.creates());
  }

  @Test
  void createJiraIssue_customOptionField_isSentAsGiven() {
    JsonObject body = Seed.findingTicket(demo.get(0));
    body.getJsonObject("jiraMetaData")
        .put(
            "additionalIssueFields",
            custom("customfield_10050", new JsonObject().put("id", "10101")));

    String key = ticketKey(gateway.post("createJiraIssue", jwt, body));

    JsonObject fields = jira.issue(key).getJsonObject("fields");
    assertEquals(new JsonObject().put("id", "10101"), fields.getJsonObject("customfield_10050"));
  }

  @Test
  void createJiraIssue_fieldOffTheScreen_returns422WithJirasMessageAndLinksNothing() {
    JsonObject body = Seed.findingTicket(demo.get(0));
    body.getJsonObject("jiraMetaData")
        .put("additionalIssueFields", custom("customfield_99999", "x"));

    HttpResponse<Buffer> response = gateway.post("createJiraIssue", jwt, body);

    assertError(
        response,
        422,
        "Jira returned 400: customfield_99999: Field 'customfield_99999' cannot be set."
            + " It is not on the appropriate screen, or unknown.");
    assertNull(platform.issue(account, demo.get(0)).getValue("jiraIssueUrl"));
  }

  @Test
  void createJiraIssue_projectRefusesLabels_retriesOnceWithoutThemAndSaysSo() {
    jira.refuseLabels("SCRUM");

    HttpResponse<Buffer> response =
        gateway.post("createJiraIssue", jwt, Seed.findingTicket(demo.get(0)));

    assertEquals("SCRUM-1", ticketKey(response));
    assertEquals(
        new JsonArray()
            .add(
                "Jira does not allow labels on the create screen of project SCRUM;"
                    + " the issue was created without them"),
        response.bodyAsJsonObject().getJsonArray("warnings"));
    assertEquals(2, jira.creates());
    assertFalse(jira.issue("SCRUM-1").getJsonObject("fields").containsKey("labels"));
  }

  @Test
  void createJiraIssue_descriptionOverJirasLimit_isCutWithANoteAndAttachedInFull() {
    JsonObject body = Seed.findingTicket(demo.get(0));
    String longText = "A line of the platform's description. ".repeat(1_200);
    body.getJsonObject("jiraMetaData").put("issueDescription", longText);

    HttpResponse<Buffer> response = gateway.post("createJiraIssue", jwt, body);

    String key = ticketKey(response);
    String sent = jira.issue(key).getJsonObject("fields").getJsonObject("description").encode();
    assertTrue(sent.length() <= 32_767, "description of " + sent.length());
    assertTrue(sent.contains("was cut here; the full text is attached as description-"), sent);
    assertEquals(2, jira.count("POST", "/rest/api/3/issue/" + key + "/attachments"));
    String warning = response.bodyAsJsonObject().getJsonArray("warnings").getString(0);
    assertTrue(warning.startsWith("the description was longer than Jira allows"), warning);
  }

  @Test
  void createJiraIssue_jiraAnswers429WithRetryAfter_waitsThenCreates() {
    jira.rateLimitNext("1");

    HttpResponse<Buffer> response =
        gateway.post("createJiraIssue", jwt, Seed.findingTicket(demo.get(0)));

    assertEquals("SCRUM-1", ticketKey(response));
    List<Instant> creates =
        jira.requests().stream()
            .filter(r -> r.getString("path").equals("/rest/api/3/issue"))
            .map(r -> Instant.parse(r.getString("receivedAt")))
            .toList();
    assertEquals(2, creates.size());
    Duration waited = Duration.between(creates.get(0), creates.get(1));
    assertTrue(waited.toMillis() >= 900, "waited " + waited);
  }

  @Test
  void createJiraIssue_jiraAnswersAnHtmlPage_returnsClean422AndLinksNothing() {
    jira.failNext(1, 403, "text/html", "<!DOCTYPE html><html><body>Login</body></html>");

    HttpResponse<Buffer> response =
        gateway.post("createJiraIssue", jwt, Seed.findingTicket(demo.get(0)));

    assertError(
        response,
        422,
        "Jira returned 403 with an HTML page instead of JSON; check that baseUrl is the Jira site");
    assertNull(platform.issue(account, demo.get(0)).getValue("jiraIssueUrl"));
  }

  @Test
  void createJiraIssue_readmeDemoAccount_worksAsDocumented() {
    String demoJwt = gateway.adminToken(DemoFindings.ACCOUNT);
    gateway.post("jira/add", demoJwt, Seed.save());

    HttpResponse<Buffer> response =
        gateway.post("createJiraIssue", demoJwt, Seed.findingTicket(DemoFindings.ids().get(2)));

    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(
        response.bodyAsJsonObject().getString("jiraTicketUrl"),
        platform.issue(DemoFindings.ACCOUNT, DemoFindings.ids().get(2)).getString("jiraIssueUrl"));
  }

  private static JsonObject custom(String fieldId, Object value) {
    JsonObject field = new JsonObject().put("fieldId", fieldId).put("fieldValue", value);
    return new JsonObject().put("customIssueFields", new JsonArray().add(field));
  }
}
