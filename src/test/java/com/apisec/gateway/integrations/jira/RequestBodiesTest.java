package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodiesTest {

  private static JsonObject seedAdd() {
    return new JsonObject()
        .put("baseUrl", "https://example-org.atlassian.net/")
        .put("userEmail", "user@example.com")
        .put("apiToken", "token-1")
        .put("jiraType", "CLOUD")
        .put("projectMappings", new JsonObject().put("SCRUM", new JsonObject()));
  }

  @Test
  void add_seedBody_normalisesBaseUrlAndKeepsTheToken() {
    AddRequest add = AddRequest.from(seedAdd());

    assertEquals("https://example-org.atlassian.net", add.baseUrl());
    assertEquals("token-1", add.apiToken());
    assertEquals(List.of("SCRUM"), List.copyOf(add.mappings().keySet()));
    assertFalse(add.toString().contains("token-1"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "********", "**********************"})
  void add_maskedOrEmptyToken_meansKeepTheStoredOne(String token) {
    AddRequest add = AddRequest.from(seedAdd().put("apiToken", token));

    assertTrue(add.keepsToken());
  }

  @Test
  void add_projIdWithoutMappings_isOneProject() {
    JsonObject body = seedAdd();
    body.remove("projectMappings");

    AddRequest add = AddRequest.from(body.put("projId", " SCRUM "));

    assertEquals(List.of("SCRUM"), List.copyOf(add.mappings().keySet()));
  }

  @Test
  void add_badValues_422NamingTheField() {
    assertMessage("jiraType must be CLOUD or DATA_CENTER", seedAdd().put("jiraType", "SERVER"));
    assertMessage("jiraType must be CLOUD or DATA_CENTER", seedAdd().put("jiraType", 3));
    assertMessage("apiToken must be a string", seedAdd().put("apiToken", 42));
    assertMessage("baseUrl is required", seedAdd().putNull("baseUrl"));
    assertMessage(
        "baseUrl must start with https:// for Jira Cloud",
        seedAdd().put("baseUrl", "http://example-org.atlassian.net"));
    assertMessage("projectMappings must be an object", seedAdd().put("projectMappings", "SCRUM"));
    assertMessage(
        "projectMappings must name at least one project",
        seedAdd().put("projectMappings", new JsonObject()));
    assertMessage(
        "projectMappings key 'a.b' must be a Jira project key such as SCRUM",
        seedAdd().put("projectMappings", new JsonObject().put("a.b", new JsonObject())));
  }

  @Test
  void add_badMappingContents_422NamingTheNestedField() {
    JsonObject priority =
        new JsonObject().put("severityToValueMap", new JsonObject().put("URGENT", "1"));
    JsonObject mapping = new JsonObject().put("priorityFieldMapping", priority);

    GatewayException e =
        assertThrows(
            GatewayException.class,
            () ->
                AddRequest.from(
                    seedAdd().put("projectMappings", new JsonObject().put("SCRUM", mapping))));

    assertTrue(
        e.getMessage()
            .startsWith(
                "projectMappings.SCRUM.priorityFieldMapping.severityToValueMap.URGENT is not one of"),
        e.getMessage());
  }

  @Test
  void add_mappingWithUnknownFields_keepsOnlyKnownOnes() {
    JsonObject mapping =
        new JsonObject()
            .put("$where", "x")
            .put(
                "priorityFieldMapping",
                new JsonObject()
                    .put("fieldId", "")
                    .put("severityToValueMap", new JsonObject().put("HIGH", "1")));

    AddRequest add =
        AddRequest.from(seedAdd().put("projectMappings", new JsonObject().put("SCRUM", mapping)));

    JsonObject cleaned = add.mappings().get("SCRUM");
    assertFalse(cleaned.containsKey("$where"));
    assertEquals("priority", cleaned.getJsonObject("priorityFieldMapping").getString("fieldId"));
  }

  @Test
  void ticket_seedValues_subjectIsTheThreatEvent() {
    JsonObject body = seedTicket();

    TicketRequest ticket = TicketRequest.from(body);

    assertEquals("event:THREAT:4a3502a0-ab5f-4255-9628-aae3b0ef33bd", ticket.subject());
    assertEquals(List.of("security", "akto"), ticket.labels());
    assertEquals(2, ticket.content().details().size());
  }

  @Test
  void ticket_actionItemOnly_subjectIsTheActionItem_andNothingMeansNoSubject() {
    JsonObject body = seedTicket();
    body.remove("threatEventId");
    body.remove("eventType");

    TicketRequest actionItem = TicketRequest.from(body.copy().put("actionItemType", "API_TESTS"));
    TicketRequest none = TicketRequest.from(body);

    assertEquals("action-item:API_TESTS", actionItem.subject());
    assertNull(none.subject());
  }

  @Test
  void ticket_badValues_422NamingTheField() {
    assertTicketMessage("title is required", seedTicket().put("title", " \n "));
    assertTicketMessage(
        "projId must be a Jira project key such as SCRUM",
        seedTicket().put("projId", "SCRUM OR 1=1"));
    assertTicketMessage("issueType is required", seedTicket().putNull("issueType"));
    assertTicketMessage("labels must be a comma-separated string", seedTicket().put("labels", 7));
    assertTicketMessage(
        "labels must be a comma-separated string",
        seedTicket().put("labels", new JsonArray().add(1)));
    assertTicketMessage("threatEventId must be a string", seedTicket().put("threatEventId", 5));
  }

  @Test
  void attach_bothSamplesEmpty_422NamingBoth() {
    JsonObject body =
        new JsonObject().put("issueId", "SCRUM-42").put("origReq", "").putNull("testReq");

    GatewayException e = assertThrows(GatewayException.class, () -> AttachRequest.from(body));

    assertEquals("origReq or testReq is required; both are empty", e.getMessage());
  }

  @Test
  void attach_issueIdNotAKey_422() {
    JsonObject body = new JsonObject().put("issueId", "../../admin").put("origReq", "x");

    GatewayException e = assertThrows(GatewayException.class, () -> AttachRequest.from(body));

    assertEquals("issueId must be a Jira issue key such as SCRUM-42", e.getMessage());
  }

  static JsonObject seedTicket() {
    return new JsonObject()
        .put("projId", "SCRUM")
        .put("issueType", "10001")
        .put("title", "Potential BOLA vulnerability on /api/v1/users endpoint")
        .put("description", "Unauthorized access to other users' data was detected.")
        .put("labels", "security,akto")
        .put("threatEventId", "4a3502a0-ab5f-4255-9628-aae3b0ef33bd")
        .put("eventType", "THREAT");
  }

  private static void assertMessage(String expected, JsonObject body) {
    GatewayException e = assertThrows(GatewayException.class, () -> AddRequest.from(body));
    assertEquals(422, e.status());
    assertEquals(expected, e.getMessage());
  }

  private static void assertTicketMessage(String expected, JsonObject body) {
    GatewayException e = assertThrows(GatewayException.class, () -> TicketRequest.from(body));
    assertEquals(422, e.status());
    assertEquals(expected, e.getMessage());
  }
}
