package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriorityMappingTest {

  @Test
  void apply_priorityField_sendsAnIdObject() {
    JsonObject fields = new JsonObject();

    mapping("priority", "priority", "HIGH", "2").applyTo(fields, "HIGH");

    assertEquals(new JsonObject().put("id", "2"), fields.getJsonObject("priority"));
  }

  @Test
  void apply_multiSelect_sendsAnArrayOfIdObjects() {
    JsonObject fields = new JsonObject();

    mapping("customfield_10051", "multiselect", "HIGH", "10200, 10201,").applyTo(fields, "high");

    assertEquals(
        new JsonArray()
            .add(new JsonObject().put("id", "10200"))
            .add(new JsonObject().put("id", "10201")),
        fields.getJsonArray("customfield_10051"));
  }

  @Test
  void apply_unmappedSeverity_sendsNothing() {
    JsonObject fields = new JsonObject();

    mapping("priority", "priority", "HIGH", "2").applyTo(fields, "CRITICAL");

    assertFalse(fields.containsKey("priority"));
  }

  @Test
  void request_seedShortForm_mapsThePriorityField() {
    JsonObject body =
        new JsonObject()
            .put("projId", "SCRUM")
            .put(
                "priorityMap",
                new JsonObject().put("HIGH", "1").put("MEDIUM", "3").put("LOW", "5"));

    PriorityMappingRequest request = PriorityMappingRequest.from(body);

    assertEquals("SCRUM", request.projectKey());
    assertEquals("priority", request.mapping().getString("fieldId"));
    assertEquals("3", request.mapping().getJsonObject("severityToValueMap").getString("MEDIUM"));
    assertEquals("priorityMap", request.paths().values());
  }

  @Test
  void request_badForms_422NamingTheField() {
    assertMessage(
        "priorityMap.URGENT is not one of ",
        new JsonObject()
            .put("projId", "SCRUM")
            .put("priorityMap", new JsonObject().put("URGENT", "1")));
    assertMessage(
        "priorityFieldMapping.severityToValueMap.HIGH must be a string",
        new JsonObject()
            .put("projectKey", "SCRUM")
            .put(
                "priorityFieldMapping",
                new JsonObject().put("severityToValueMap", new JsonObject().put("HIGH", 1))));
    assertMessage(
        "priorityFieldMapping (or priorityMap) is required",
        new JsonObject().put("projId", "SCRUM"));
    assertMessage(
        "projectKey and projId name different projects",
        new JsonObject().put("projId", "SCRUM").put("projectKey", "API"));
  }

  @Test
  void check_idNotAllowed_422NamingTheSeverity() {
    JsonArray screen = new JsonArray().add(priorityField());
    JsonObject mapping = mapping("priority", null, "HIGH", "9").json();

    GatewayException e =
        assertThrows(
            GatewayException.class,
            () ->
                PriorityFieldCheck.check(
                    mapping,
                    "SCRUM",
                    List.of(screen),
                    new PriorityFieldCheck.Paths("", "priorityMap")));

    assertEquals(
        "priorityMap.HIGH: '9' is not a value of priority in project SCRUM (allowed ids: 1, 2)",
        e.getMessage());
  }

  @Test
  void check_allowedIds_fillsTypeAndNames() {
    JsonArray screen = new JsonArray().add(priorityField());
    JsonObject mapping = mapping("priority", null, "HIGH", "1").json();

    JsonObject checked =
        PriorityFieldCheck.check(
            mapping,
            "SCRUM",
            List.of(screen),
            PriorityFieldCheck.Paths.of("priorityFieldMapping."));

    assertEquals("priority", checked.getString("fieldType"));
    assertEquals("Priority", checked.getString("fieldName"));
    assertEquals("Highest", checked.getJsonObject("severityToDisplayNameMap").getString("HIGH"));
  }

  private static JsonObject priorityField() {
    return new JsonObject()
        .put("fieldId", "priority")
        .put("name", "Priority")
        .put("schema", new JsonObject().put("type", "priority"))
        .put(
            "allowedValues",
            new JsonArray()
                .add(new JsonObject().put("id", "1").put("name", "Highest"))
                .add(new JsonObject().put("id", "2").put("name", "High")));
  }

  private static PriorityMapping mapping(String field, String type, String severity, String id) {
    return new PriorityMapping(
        new JsonObject()
            .put("fieldId", field)
            .put("fieldType", type)
            .put("severityToValueMap", new JsonObject().put(severity, id)));
  }

  private static void assertMessage(String start, JsonObject body) {
    GatewayException e =
        assertThrows(GatewayException.class, () -> PriorityMappingRequest.from(body));
    assertEquals(422, e.status());
    assertEquals(true, e.getMessage().startsWith(start), e.getMessage());
  }
}
