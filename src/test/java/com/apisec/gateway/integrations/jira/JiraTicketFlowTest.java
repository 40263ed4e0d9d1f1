package com.apisec.gateway.integrations.jira;

import static com.apisec.gateway.integrations.jira.support.Replies.assertError;
import static com.apisec.gateway.integrations.jira.support.Replies.message;
import static com.apisec.gateway.integrations.jira.support.Replies.ticketKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.integrations.jira.support.JiraStandIn;
import com.apisec.gateway.integrations.jira.support.Seed;
import com.apisec.gateway.integrations.jira.support.TestGateway;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JiraTicketFlowTest {
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

  @BeforeEach
  void integrated() {
    gateway.jira().reset();
    account = TestGateway.newAccount();
    jwt = gateway.adminToken(account);
    JsonObject save =
        Seed.save()
            .put(
                "projectMappings",
                new JsonObject().put("SCRUM", new JsonObject()).put("API", new JsonObject()));
    assertEquals(200, gateway.post("jira/add", jwt, save).statusCode());
    gateway.jira().reset();
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
    JsonObject issue = onlyIssue();
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
    assertEquals(1, creates());
  }

  @Test
  void createGeneralTicket_sameThreatTenTimesAtOnce_createsOneIssue() {
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();

    for (int i = 0; i < 10; i++) {
      calls.add(gateway.send("createGeneralJiraTicket", jwt, Seed.ticket()));
    }
    Future.all(calls).await();

    for (Future<HttpResponse<Buffer>> call : calls) {
      HttpResponse<Buffer> response = call.result();
      assertEquals(200, response.statusCode(), response.bodyAsString());
      assertEquals("SCRUM-1", response.bodyAsJsonObject().getString("jiraTicketKey"));
    }
    assertEquals(1, creates());
  }

  @Test
  void createGeneralTicket_sameThreatForAnotherProject_returnsTheExistingTicket() {
    gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());

    HttpResponse<Buffer> other =
        gateway.post("createGeneralJiraTicket", jwt, Seed.ticket().put("projId", "API"));

    assertEquals("SCRUM-1", other.bodyAsJsonObject().getString("jiraTicketKey"));
    assertEquals(true, other.bodyAsJsonObject().getBoolean("existing"));
    assertEquals(1, creates());
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
    assertTrue(onlyIssueOf("SCRUM-2").getJsonObject("properties").isEmpty());
  }

  @Test
  void createGeneralTicket_issueTypeId_isSentAsGiven() {
    JsonObject body = Seed.ticket().put("issueType", "10002");

    HttpResponse<Buffer> response = gateway.post("createGeneralJiraTicket", jwt, body);

    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(
        "10002", onlyIssue().getJsonObject("fields").getJsonObject("issuetype").getString("id"));
  }

  @Test
  void createGeneralTicket_unknownIssueTypeName_returns422NamingIssueType() {
    JsonObject body = Seed.ticket().put("issueType", "Epic");

    HttpResponse<Buffer> response = gateway.post("createGeneralJiraTicket", jwt, body);

    assertError(
        response,
        422,
        "issueType 'Epic' is not an issue type of project SCRUM;"
            + " send its id or save the project again");
    assertEquals(0, creates());
  }

  @Test
  void createGeneralTicket_jiraRejectsDescription_returns422WithJiraMessage_andRetryCreates() {
    gateway
        .jira()
        .failNext(
            "create",
            JiraStandIn.Failure.json(
                400,
                new JsonObject()
                    .put("errorMessages", new JsonArray())
                    .put(
                        "errors",
                        new JsonObject()
                            .put("description", "Operation value must be an Atlassian Document"))));

    HttpResponse<Buffer> refused = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());
    HttpResponse<Buffer> retried = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());

    assertError(
        refused,
        422,
        "Jira returned 400: description: Operation value must be an Atlassian Document");
    assertEquals("SCRUM-1", ticketKey(retried));
    assertEquals(0, gateway.jira().count("POST", "/search/jql"));
  }

  @Test
  void createGeneralTicket_jiraAnswers503AfterCreating_returns422ThenRetryFindsTheTicket() {
    gateway.jira().failNext("create", JiraStandIn.Failure.html(503).afterActing());

    HttpResponse<Buffer> unknown = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());
    HttpResponse<Buffer> retried = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());

    assertEquals(422, unknown.statusCode());
    assertTrue(
        message(unknown).startsWith("the outcome of creating the Jira issue is unknown"),
        message(unknown));
    assertEquals(200, retried.statusCode(), retried.bodyAsString());
    assertEquals("SCRUM-1", ticketKey(retried));
    assertEquals(true, retried.bodyAsJsonObject().getBoolean("existing"));
    assertEquals(1, creates());
    assertEquals(1, gateway.jira().issues().size());
    assertEquals(1, gateway.jira().count("POST", "/search/jql"));
  }

  @Test
  void createGeneralTicket_jiraSlowerThanTimeout_returns422ThenRetryFindsTheTicket() {
    gateway.jira().failNext("create", JiraStandIn.Failure.slow(3_000));

    HttpResponse<Buffer> unknown = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());
    HttpResponse<Buffer> retried = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());

    assertEquals(422, unknown.statusCode());
    assertTrue(message(unknown).contains("did not answer in time"), message(unknown));
    assertEquals("SCRUM-1", ticketKey(retried));
    assertEquals(1, creates());
  }

  @Test
  void createGeneralTicket_unknownOutcomeButNothingAtJira_retryCreatesOnce() {
    gateway.jira().failNext("create", JiraStandIn.Failure.html(503));

    HttpResponse<Buffer> unknown = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());
    HttpResponse<Buffer> retried = gateway.post("createGeneralJiraTicket", jwt, Seed.ticket());

    assertEquals(422, unknown.statusCode());
    assertEquals("SCRUM-1", ticketKey(retried));
    assertNull(retried.bodyAsJsonObject().getValue("existing"));
    assertEquals(1, gateway.jira().count("POST", "/search/jql"));
    assertEquals(1, gateway.jira().issues().size());
  }

  @Test
  void createGeneralTicket_notIntegrated_returns422() {
    String stranger = gateway.adminToken(TestGateway.newAccount());

    HttpResponse<Buffer> response =
        gateway.post("createGeneralJiraTicket", stranger, Seed.ticket());

    assertError(response, 422, "Jira is not integrated.");
  }

  private static long creates() {
    return gateway.jira().requests().stream()
        .filter(r -> r.method().equals("POST") && r.path().equals("/jira/rest/api/3/issue"))
        .count();
  }

  private static JsonObject onlyIssue() {
    List<JsonObject> issues = gateway.jira().issues();
    assertEquals(1, issues.size());
    return issues.get(0);
  }

  private static JsonObject onlyIssueOf(String key) {
    return gateway.jira().issues().stream()
        .filter(i -> i.getString("key").equals(key))
        .findFirst()
        .orElseThrow();
  }
}
