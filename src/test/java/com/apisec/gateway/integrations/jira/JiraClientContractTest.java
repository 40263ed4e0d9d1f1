package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.integrations.jira.support.Seed;
import com.apisec.gateway.integrations.jira.support.TestGateway;
import com.apisec.gateway.outbound.OutboundClient;
import com.apisec.gateway.sandbox.RequiresContracts;
import com.apisec.gateway.sandbox.SandboxFixture;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Jira client's calls, held by the sandbox to Jira Cloud's published contracts: the OpenAPI
 * document, the ADF schema for descriptions, and the {@code file} part of uploads.
 */
@RequiresContracts
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JiraClientContractTest {
  private static final JiraCredentials CREDENTIALS =
      new JiraCredentials(
          TestGateway.BASE_URL, Seed.USER_EMAIL, Seed.API_TOKEN, JiraDeployment.CLOUD);
  private static SandboxFixture sandbox;
  private static OutboundClient outbound;
  private static JiraClient client;
  private static JiraMetaClient meta;

  @BeforeAll
  static void start(Vertx vertx) {
    sandbox = SandboxFixture.withContracts(vertx);
    outbound = new OutboundClient(vertx, routedTo(sandbox.port()));
    JiraHttp http = new JiraHttp(outbound);
    client = new JiraClient(http);
    meta = new JiraMetaClient(http);
  }

  @AfterAll
  static void stop() {
    outbound.close();
    sandbox.close();
  }

  @AfterEach
  void heldToTheContract() {
    sandbox.assertNoViolations();
    sandbox.reset();
  }

  @Test
  void issueTypes_seedProject_listsBugAndStory() {
    List<IssueType> types = meta.issueTypes(CREDENTIALS, "SCRUM").await();

    assertTrue(types.contains(new IssueType("10001", "Bug")), types.toString());
    assertTrue(types.contains(new IssueType("10002", "Story")), types.toString());
  }

  @Test
  void create_seedTicket_isAcceptedWithMarkerAndLabels() {
    IssueDraft draft = draft(TicketRequest.from(Seed.ticket().put("issueType", "10001")));

    JiraIssue issue = client.create(CREDENTIALS, draft).await();

    assertEquals("SCRUM-1", issue.key());
    assertEquals(TestGateway.BASE_URL + "/browse/SCRUM-1", issue.url());
  }

  @Test
  void create_dashboardThreatText_isValidAdfForJira() {
    String text =
        "Threat Detection Alert\nTemplate ID: filter-1\n\nSeverity: HIGH\r\n"
            + "Details: <script>alert(\"x\")</script> 'quoted' & more\n\n\n"
            + "Reference URL: https://app.example.com/dashboard/threat?e=1\n \n";
    JsonObject body =
        Seed.ticket()
            .put("issueType", "10002")
            .put("description", text)
            .put("templateId", "filter-1")
            .put("title", "t".repeat(300) + "\uD83D\uDE00");

    JiraIssue issue = client.create(CREDENTIALS, draft(TicketRequest.from(body))).await();

    assertEquals("SCRUM-1", issue.key());
  }

  @Test
  void findByMarker_afterCreate_findsTheMarkedIssueOnly() {
    IssueDraft draft = draft(TicketRequest.from(Seed.ticket().put("issueType", "10001")));
    client.create(CREDENTIALS, draft).await();
    TicketMarker other = new TicketMarker(draft.marker().subject(), 42);

    JiraIssue found =
        client.findByMarker(CREDENTIALS, List.of("SCRUM", "API"), draft.marker()).await();
    JiraIssue notFound = client.findByMarker(CREDENTIALS, List.of("SCRUM", "API"), other).await();

    assertEquals("SCRUM-1", found.key());
    assertEquals("SCRUM", found.projectKey());
    assertNull(notFound);
  }

  @Test
  void attach_sampleFile_isAcceptedAsOneFilePart() {
    client
        .create(CREDENTIALS, draft(TicketRequest.from(Seed.ticket().put("issueType", "10001"))))
        .await();
    SampleFile.Rendered file = SampleFile.render("[RAW_HTTP_SAMPLE]", "[RAW_HTTP_TEST_SAMPLE]");

    JsonArray attached = client.attach(CREDENTIALS, "SCRUM-1", file).await();

    assertEquals(1, attached.size());
    assertEquals(file.fileName(), attached.getJsonObject(0).getString("filename"));
  }

  private static IssueDraft draft(TicketRequest ticket) {
    return new IssueDraft(
        ticket.projId(),
        ticket.issueType(),
        Summary.of(ticket.title()),
        ticket.content().toDescription(),
        ticket.labels(),
        new JsonObject(),
        new TicketMarker(ticket.subject(), 1_000_000));
  }

  private static GatewayConfig routedTo(int sandboxPort) {
    JsonObject sandbox =
        new JsonObject()
            .put("enabled", true)
            .put("host", SandboxFixture.HOST)
            .put("port", sandboxPort)
            .put("routes", new JsonObject().put("example-org.atlassian.net", "jira"));
    return GatewayConfig.from(new JsonObject().put("mode", "development").put("sandbox", sandbox));
  }
}
