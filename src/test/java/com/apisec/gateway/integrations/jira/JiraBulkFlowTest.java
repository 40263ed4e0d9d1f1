package com.apisec.gateway.integrations.jira;

import static com.apisec.gateway.integrations.jira.support.Replies.assertError;
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
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.HashSet;
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

/** {@code bulkCreateJiraTickets} end to end, on findings written into the platform's database. */
@RequiresContracts
@ExtendWith(VertxExtension.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class JiraBulkFlowTest {
  private static final String BULK = "/rest/api/3/issue/bulk";
  private static TestGateway gateway;
  private static SandboxClient jira;
  private static PlatformFindings platform;
  @TempDir static Path dir;

  private long account;
  private String jwt;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    gateway = TestGateway.start(vertx, dir, 20_000);
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
    assertEquals(200, gateway.post("jira/add", jwt, Seed.save()).statusCode());
    jira.reset();
  }

  @Test
  void bulk_120Issues_makesThreeBulkCallsAndLinksEachTicketToItsOwnIssue() {
    List<TestingIssueId> ids = platform.generate(account, 120, "HIGH");

    HttpResponse<Buffer> response = gateway.post("bulkCreateJiraTickets", jwt, bulk(ids));

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject reply = response.bodyAsJsonObject();
    assertEquals(120, reply.getInteger("createdCount"));
    assertNull(reply.getValue("errorMessage"));
    assertEquals(3, jira.count("POST", BULK));
    assertEquals(List.of(50, 50, 20), bulkSizes());
    Set<String> keys = new HashSet<>();
    for (TestingIssueId id : ids) {
      keys.add(assertLinkedToItsOwnTicket(id));
    }
    assertEquals(120, keys.size());
    long uploads =
        jira.requests().stream().filter(r -> r.getString("path").endsWith("/attachments")).count();
    assertEquals(120, uploads);
  }

  @Test
  void bulk_jiraRefusesSomeElements_linksOnlyTheIssuesItMadeEachToItsOwn() {
    List<TestingIssueId> ids = platform.generate(account, 6, "HIGH");
    jira.refuseSummaries("DELETE - ");

    HttpResponse<Buffer> response = gateway.post("bulkCreateJiraTickets", jwt, bulk(ids));

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject reply = response.bodyAsJsonObject();
    assertEquals(3, reply.getInteger("createdCount"));
    assertEquals(3, reply.getInteger("failedCount"));
    assertTrue(
        reply.getString("errorMessage").startsWith("Jira tickets could not be created for 3 of 6"),
        reply.getString("errorMessage"));
    for (TestingIssueId id : ids) {
      if (id.method().equals("GET")) {
        assertLinkedToItsOwnTicket(id);
      } else {
        assertNull(platform.issue(account, id).getValue("jiraIssueUrl"), id.url());
      }
    }
  }

  @Test
  void bulk_someIssuesHaveTickets_skipsAndCountsThem() {
    List<TestingIssueId> ids = platform.generate(account, 4, "HIGH");
    gateway.post("bulkCreateJiraTickets", jwt, bulk(ids.subList(0, 1)));
    platform.link(account, ids.get(1), TestGateway.BASE_URL + "/browse/SCRUM-77");
    jira.reset();

    HttpResponse<Buffer> response = gateway.post("bulkCreateJiraTickets", jwt, bulk(ids));

    JsonObject reply = response.bodyAsJsonObject();
    assertEquals(2, reply.getInteger("createdCount"), response.bodyAsString());
    assertEquals(2, reply.getInteger("skippedCount"));
    assertEquals(
        "Jira tickets created for all selected issues, except for 2 issues that already have"
            + " tickets.",
        reply.getString("errorMessage"));
    assertEquals(1, jira.count("POST", BULK));
    assertEquals(List.of(2), bulkSizes());
  }

  @Test
  void bulk_everyIssueHasATicket_saysSoAndCallsNoBulkCreate() {
    List<TestingIssueId> ids = platform.generate(account, 2, "HIGH");
    gateway.post("bulkCreateJiraTickets", jwt, bulk(ids));
    jira.reset();

    HttpResponse<Buffer> response = gateway.post("bulkCreateJiraTickets", jwt, bulk(ids));

    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(
        "All selected issues already have existing Jira tickets. No new tickets were created.",
        response.bodyAsJsonObject().getString("errorMessage"));
    assertEquals(0, jira.count("POST", BULK));
  }

  @Test
  void bulk_oneIssueUnknown_returns422NamingItsPlaceAndCreatesNothing() {
    List<TestingIssueId> ids = platform.generate(account, 2, "HIGH");
    JsonObject body = bulk(ids);
    TestingIssueId absent =
        new TestingIssueId(9, "https://shop.example.com/none", "GET", "BOLA_ITEMS", "RUNTIME");
    body.getJsonArray("issuesIds").add(absent.toJson());

    HttpResponse<Buffer> response = gateway.post("bulkCreateJiraTickets", jwt, body);

    assertError(response, 422, "issuesIds[2] names no testing issue of this account");
    assertEquals(0, jira.count("POST", BULK));
  }

  @Test
  void bulk_badInput_returns422NamingTheField() {
    JsonObject empty = bulk(List.of());
    JsonObject noProject = bulk(platform.generate(account, 1, "HIGH"));
    noProject.remove("projId");
    JsonObject badHost =
        bulk(platform.generate(account, 1, "HIGH")).put("aktoDashboardHost", "ftp:x");
    JsonObject badId =
        new JsonObject()
            .put("issuesIds", new JsonArray().add("x"))
            .put("projId", "SCRUM")
            .put("issueType", "Bug");

    assertError(
        gateway.post("bulkCreateJiraTickets", jwt, empty),
        422,
        "issuesIds must name at least one testing issue");
    assertError(gateway.post("bulkCreateJiraTickets", jwt, noProject), 422, "projId is required");
    assertError(
        gateway.post("bulkCreateJiraTickets", jwt, badHost),
        422,
        "aktoDashboardHost must be an http(s) address");
    assertError(
        gateway.post("bulkCreateJiraTickets", jwt, badId), 422, "issuesIds[0] must be an object");
  }

  @Test
  void bulk_dashboardHostPortOutOfRange_returns422NamingTheField() {
    JsonObject body =
        bulk(platform.generate(account, 1, "HIGH"))
            .put("aktoDashboardHost", "https://app.akto.example.com:99999");

    HttpResponse<Buffer> response = gateway.post("bulkCreateJiraTickets", jwt, body);

    assertError(
        response, 422, "aktoDashboardHost has an invalid port; a port is a number from 1 to 65535");
    assertEquals(0, jira.count("POST", BULK));
  }

  @Test
  void bulk_dashboardHostWithQueryAndFragment_linksFromTheCleanAddress() {
    JsonObject body =
        bulk(platform.generate(account, 1, "HIGH"))
            .put("aktoDashboardHost", "https://App.akto.example.com/x/?y=1#z");

    HttpResponse<Buffer> response = gateway.post("bulkCreateJiraTickets", jwt, body);

    assertEquals(200, response.statusCode(), response.bodyAsString());
    String sent =
        jira.requests().stream()
            .filter(r -> r.getString("path").endsWith(BULK))
            .map(JsonObject::encode)
            .findFirst()
            .orElseThrow();
    assertTrue(sent.contains("https://app.akto.example.com/x/dashboard/issues?result="), sent);
    assertFalse(sent.contains("#z"), sent);
  }

  @Test
  void bulk_projectRefusesLabels_sendsTheRefusedElementsOnceMoreWithoutLabels() {
    List<TestingIssueId> ids = platform.generate(account, 3, "HIGH");
    jira.refuseLabels("SCRUM");

    HttpResponse<Buffer> response = gateway.post("bulkCreateJiraTickets", jwt, bulk(ids));

    assertEquals(
        3, response.bodyAsJsonObject().getInteger("createdCount"), response.bodyAsString());
    assertEquals(2, jira.count("POST", BULK));
    JsonObject first = response.bodyAsJsonObject().getJsonArray("tickets").getJsonObject(0);
    assertEquals(
        "Jira does not allow labels on the create screen of project SCRUM;"
            + " the issue was created without them",
        first.getJsonArray("warnings").getString(0));
  }

  @Test
  void bulk_jiraUnavailable_returns422AndARetryLooksAtJiraFirst() {
    List<TestingIssueId> ids = platform.generate(account, 2, "HIGH");
    jira.failNext(1, 503, "text/html", "<html>down</html>");
    HttpResponse<Buffer> unknown = gateway.post("bulkCreateJiraTickets", jwt, bulk(ids));

    HttpResponse<Buffer> retried = gateway.post("bulkCreateJiraTickets", jwt, bulk(ids));

    assertEquals(422, unknown.statusCode());
    assertTrue(
        unknown.bodyAsString().contains("the outcome of creating the Jira issue is unknown"));
    assertEquals(2, retried.bodyAsJsonObject().getInteger("createdCount"), retried.bodyAsString());
    assertEquals(2, jira.count("POST", "/rest/api/3/search/jql"));
    assertLinkedToItsOwnTicket(ids.get(0));
  }

  @Test
  void bulk_jiraAnswersAPathAsKey_linksNothingToItAndARetryLooksAtJiraFirst() {
    List<TestingIssueId> ids = platform.generate(account, 1, "HIGH");
    JsonObject hostile = new JsonObject().put("id", "10000").put("key", "../../evil");
    JsonObject answer =
        new JsonObject().put("issues", new JsonArray().add(hostile)).put("errors", new JsonArray());
    jira.failNextOn(BULK, 1, 201, answer);

    HttpResponse<Buffer> response = gateway.post("bulkCreateJiraTickets", jwt, bulk(ids));
    HttpResponse<Buffer> retried = gateway.post("bulkCreateJiraTickets", jwt, bulk(ids));

    assertFalse(response.bodyAsString().contains("evil"), response.bodyAsString());
    assertTrue(
        response.bodyAsString().contains("a retry will check Jira first"), response.bodyAsString());
    assertTrue(jira.requests().stream().noneMatch(r -> r.getString("path").contains("evil")));
    assertEquals(1, retried.bodyAsJsonObject().getInteger("createdCount"), retried.bodyAsString());
    assertEquals(1, jira.count("POST", "/rest/api/3/search/jql"));
    assertLinkedToItsOwnTicket(ids.get(0));
  }

  /** The issue's link names a ticket whose marker property names this very issue. */
  private String assertLinkedToItsOwnTicket(TestingIssueId id) {
    String url = platform.issue(account, id).getString("jiraIssueUrl");
    assertTrue(url != null && url.startsWith(TestGateway.BASE_URL + "/browse/SCRUM-"), id.url());
    String key = url.substring(url.lastIndexOf('/') + 1);
    JsonObject marker =
        jira.issue(key).getJsonObject("properties").getJsonObject("gateway.subject");
    assertEquals(id.subject(), marker.getString("subject"), key);
    return key;
  }

  private List<Integer> bulkSizes() {
    return jira.requests().stream()
        .filter(r -> r.getString("path").equals(BULK))
        .map(r -> r.getJsonObject("body").getJsonArray("issueUpdates").size())
        .toList();
  }

  private static JsonObject bulk(List<TestingIssueId> ids) {
    JsonArray issues = new JsonArray();
    ids.forEach(id -> issues.add(id.toJson()));
    return new JsonObject()
        .put("issuesIds", issues)
        .put("projId", "SCRUM")
        .put("issueType", "Bug")
        .put("aktoDashboardHost", "https://app.akto.example.com")
        .put("jiraMetaData", new JsonObject().put("labels", "security,akto"));
  }
}
