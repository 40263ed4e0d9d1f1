package com.apisec.gateway.integrations.jira;

import static com.apisec.gateway.integrations.jira.support.Replies.assertError;
import static com.apisec.gateway.integrations.jira.support.Replies.message;
import static com.apisec.gateway.integrations.jira.support.Replies.ticketKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.integrations.jira.support.SandboxClient;
import com.apisec.gateway.integrations.jira.support.Seed;
import com.apisec.gateway.integrations.jira.support.TestGateway;
import com.apisec.gateway.sandbox.RequiresContracts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
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

@RequiresContracts
@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JiraTicketFlowTest {
  private static final long REQUEST_TIMEOUT_MS = 2_000;
  private static TestGateway gateway;
  private static SandboxClient jira;
  @TempDir static Path dir;

  private long account;
  private String jwt;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    gateway = TestGateway.start(vertx, dir, REQUEST_TIMEOUT_MS);
    jira = gateway.sandbox();
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
  void integrated() {
    jira.reset();
    account = TestGateway.newAccount();
    jwt = gateway.adminToken(account);
    JsonObject projects =
        new JsonObject().put("SCRUM", new JsonObject()).put("API", new JsonObject());
    assertEquals(
        200,
        gateway.post("jira/add", jwt, Seed.save().put("projectMappings", projects)).statusCode());
    jira.reset();
  }

  @Test
  void createGeneralTicket_seedValues_createsIssueWithLabelsMarkerAndUrl() {
    JsonObject body = Seed.ticket();

    HttpResponse<Buffer> response = gateway.post("createGeneralJiraTicket", jwt, body);

    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(
        new JsonObject()
            .put("jiraTicketUrl", TestGateway.BASE_URL + "/browse/SCRUM-1")
            .put("jiraTicketKey", "SCRUM-1"),
        response.bodyAsJsonObject());
    JsonObject issue = jira.issue("SCRUM-1");
    JsonObject fields = issue.getJsonObject("fields");
    assertEquals(Seed.TITLE, fields.getString("summary"));
    assertEquals(new JsonArray().add("security").add("akto"), fields.getJsonArray("labels"));
    assertEquals("10001", fields.getJsonObject("issuetype").getString("id"));
    String description = fields.getJsonObject("description").encode();
    assertTrue(description.contains("Unauthorized access to other users' data was detected."));
    assertTrue(description.contains("Threat event id: " + Seed.THREAT_EVENT_ID), description);
    JsonObject marker = issue.getJsonObject("properties").getJsonObject("gateway.subject");
    assertEquals("event:THREAT:" + Seed.THREAT_EVENT_ID, marker.getString("subject"));
    assertEquals(account, marker.getLong("accountId"));
  }

  @Test
  void createGeneralTicket_sameThreatAgain_returnsSameKeyAndSaysItExisted() {
    gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());

    HttpResponse<Buffer> again = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());

    assertEquals(200, again.statusCode(), again.bodyAsString());
    JsonObject reply = again.bodyAsJsonObject();
    assertEquals("SCRUM-1", reply.getString("jiraTicketKey"));
    assertEquals(true, reply.getBoolean("existing"));
    assertEquals(
        "A Jira ticket already exists for threat event " + Seed.THREAT_EVENT_ID + ": SCRUM-1",
        reply.getString("message"));
    assertEquals(1, jira.creates());
  }

  @Test
  void createGeneralTicket_sameThreatTenTimesAtOnce_createsOneIssue() {
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();

    for (int i = 0; i < 10; i++) {
      calls.add(gateway.send("createGeneralJiraTicket", jwt, Seed.ticket()));
    }
    Future.all(calls).await();

    for (Future<HttpResponse<Buffer>> call : calls) {
      assertEquals("SCRUM-1", ticketKey(call.result()));
    }
    assertEquals(1, jira.creates());
  }

  @Test
  void createGeneralTicket_sameThreatForAnotherProject_returnsTheExistingTicket() {
    gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());

    HttpResponse<Buffer> other =
        gateway.post("createGeneralJiraTicket", jwt, Seed.ticket().put("projId", "API"));

    assertEquals("SCRUM-1", ticketKey(other));
    assertEquals(true, other.bodyAsJsonObject().getBoolean("existing"));
    assertEquals(1, jira.creates());
  }

  @Test
  void createGeneralTicket_noSubject_createsANewTicketEachTime() {
    JsonObject body = Seed.ticket();
    body.remove("threatEventId");
    body.remove("eventType");

    String first = ticketKey(gateway.post("createGeneralJiraTicket", jwt, body));
    String second = ticketKey(gateway.post("createGeneralJiraTicket", jwt, body));

    assertEquals("SCRUM-1", first);
    assertEquals("SCRUM-2", second);
    assertNull(jira.issue("SCRUM-2").getJsonObject("properties").getValue("gateway.subject"));
  }

  @Test
  void createGeneralTicket_issueTypeId_isSentAsGiven() {
    JsonObject body = Seed.ticket().put("issueType", "10002");

    String key = ticketKey(gateway.post("createGeneralJiraTicket", jwt, body));

    JsonObject type = jira.issue(key).getJsonObject("fields").getJsonObject("issuetype");
    assertEquals("10002", type.getString("id"));
  }

  @Test
  void createGeneralTicket_unknownIssueTypeNameOrProject_returns422NamingTheField() {
    JsonObject epic = Seed.ticket().put("issueType", "Epic");
    JsonObject elsewhere = Seed.ticket().put("projId", "OPS");

    HttpResponse<Buffer> badType = gateway.post("createGeneralJiraTicket", jwt, epic);
    HttpResponse<Buffer> badProject = gateway.post("createGeneralJiraTicket", jwt, elsewhere);

    assertError(
        badType,
        422,
        "issueType 'Epic' is not an issue type of project SCRUM;"
            + " send its id or save the project again");
    assertError(
        badProject,
        422,
        "projId OPS is not a project of the Jira integration; add it with jira/add first");
    assertEquals(0, jira.creates());
  }

  @Test
  void createGeneralTicket_jiraRejectsDescription_returns422WithJiraMessage_andRetryCreates() {
    JsonObject error =
        new JsonObject()
            .put("errorMessages", new JsonArray())
            .put(
                "errors",
                new JsonObject()
                    .put("description", "Operation value must be an Atlassian Document"));
    jira.failNext(1, 400, "application/json", error.encode());

    HttpResponse<Buffer> refused = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());
    HttpResponse<Buffer> retried = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());

    assertError(
        refused,
        422,
        "Jira returned 400: description: Operation value must be an Atlassian Document");
    assertEquals("SCRUM-1", ticketKey(retried));
    assertEquals(0, jira.count("POST", "/rest/api/3/search/jql"));
  }

  /** A 503 from the sandbox means nothing was made; the issue Jira made anyway is added here. */
  @Test
  void createGeneralTicket_createAnswered503ButMadeAtJira_retryFindsItByProperty() {
    jira.failNext(1, 503, "text/html", "<html><body>Service Unavailable</body></html>");
    HttpResponse<Buffer> unknown = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());
    String lost = jira.createDirectly(lostCreate());

    HttpResponse<Buffer> retried = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());

    assertEquals(422, unknown.statusCode());
    assertTrue(
        message(unknown)
            .startsWith(
                "the outcome of creating the Jira issue is unknown"
                    + " (Jira returned 503 with an HTML page instead of JSON"),
        message(unknown));
    assertEquals(lost, ticketKey(retried));
    assertEquals(true, retried.bodyAsJsonObject().getBoolean("existing"));
    assertEquals(1, jira.count("POST", "/rest/api/3/search/jql"));
    assertEquals(2, jira.creates(), "the refused create and the lost one only");
    assertNull(jira.issue("SCRUM-2"));
  }

  /**
   * The sandbox drops a held call once the caller has gone, so the create that Jira went on to make
   * is made here through the stand-in's own API, from the body the gateway sent.
   */
  @Test
  void createGeneralTicket_jiraSlowerThanTimeoutButMadeAtJira_retryFindsItByProperty() {
    jira.slowNext(REQUEST_TIMEOUT_MS + 1_000);
    HttpResponse<Buffer> unknown = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());
    waitMs(1_500);
    String late = jira.createDirectly(lostCreate());

    HttpResponse<Buffer> retried = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());

    assertEquals(422, unknown.statusCode());
    assertTrue(
        message(unknown).contains("at example-org.atlassian.net did not answer in time"),
        message(unknown));
    assertEquals(late, ticketKey(retried));
    assertEquals(true, retried.bodyAsJsonObject().getBoolean("existing"));
    assertEquals(1, jira.count("POST", "/rest/api/3/search/jql"));
    assertNull(jira.issue("SCRUM-2"));
  }

  @Test
  void createGeneralTicket_unknownOutcomeButNothingAtJira_retryCreatesOnce() {
    jira.failNext(1, 503, "text/html", "<html>down</html>");
    HttpResponse<Buffer> unknown = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());

    HttpResponse<Buffer> retried = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());

    assertEquals(422, unknown.statusCode());
    assertEquals("SCRUM-1", ticketKey(retried));
    assertNull(retried.bodyAsJsonObject().getValue("existing"));
    assertEquals(1, jira.count("POST", "/rest/api/3/search/jql"));
    assertNull(jira.issue("SCRUM-2"));
  }

  @Test
  void createGeneralTicket_createAnsweredWithAPathAsKey_returns422UnknownAndEchoesNothing() {
    JsonObject hostile = new JsonObject().put("id", "10000").put("key", "../../evil");
    jira.failNextOn("/rest/api/3/issue", 1, 201, hostile);

    HttpResponse<Buffer> answered = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());
    HttpResponse<Buffer> retried = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());

    assertError(
        answered,
        422,
        "the outcome of creating the Jira issue is unknown (Jira returned 201 without a valid"
            + " issue key); a retry will check Jira for it first");
    assertEquals(
        new JsonObject()
            .put("jiraTicketUrl", TestGateway.BASE_URL + "/browse/SCRUM-1")
            .put("jiraTicketKey", "SCRUM-1"),
        retried.bodyAsJsonObject());
    assertEquals(1, jira.count("POST", "/rest/api/3/search/jql"));
  }

  @Test
  void createGeneralTicket_searchAnswersAMarkedIssueWithAPathAsKey_ignoresItAndCreates() {
    jira.failNext(1, 503, "text/html", "<html>down</html>");
    gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());
    JsonObject marker =
        new JsonObject()
            .put("subject", "event:THREAT:" + Seed.THREAT_EVENT_ID)
            .put("accountId", account);
    JsonObject hostile =
        new JsonObject()
            .put("id", "10000")
            .put("key", "../../evil")
            .put("properties", new JsonObject().put("gateway.subject", marker));
    JsonObject page =
        new JsonObject().put("issues", new JsonArray().add(hostile)).put("isLast", true);
    jira.failNextOn("/rest/api/3/search/jql", 1, 200, page);

    HttpResponse<Buffer> retried = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());

    assertEquals("SCRUM-1", ticketKey(retried));
    assertNull(retried.bodyAsJsonObject().getValue("existing"));
    assertEquals(
        TestGateway.BASE_URL + "/browse/SCRUM-1",
        retried.bodyAsJsonObject().getString("jiraTicketUrl"));
  }

  @Test
  void createGeneralTicket_notIntegrated_returns422() {
    String stranger = gateway.adminToken(TestGateway.newAccount());

    HttpResponse<Buffer> response =
        gateway.post("createGeneralJiraTicket", stranger, Seed.ticket());

    assertError(response, 422, "Jira is not integrated.");
  }

  /**
   * The create body the gateway sent, as Jira would have received it before the answer got lost.
   */
  private JsonObject lostCreate() {
    JsonObject sent =
        jira.requests().stream()
            .filter(r -> r.getString("path").equals("/rest/api/3/issue"))
            .reduce((first, second) -> second)
            .orElseThrow()
            .getJsonObject("body");
    assertEquals(
        account,
        sent.getJsonArray("properties")
            .getJsonObject(0)
            .getJsonObject("value")
            .getLong("accountId"));
    return sent;
  }

  private static void waitMs(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
