package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BulkAnswerTest {
  private static final JiraCredentials CREDENTIALS =
      new JiraCredentials(
          "https://example-org.atlassian.net", "a@b.c", "token-7Qx2", JiraDeployment.CLOUD);

  @Test
  void match_noErrors_placesIssuesInRequestOrder() {
    BulkAnswer answer = answer(keys("S-1", "S-2", "S-3"), new JsonArray());

    BulkAnswer.Matching matching = answer.match(3);

    assertEquals(Map.of(0, "S-1", 1, "S-2", 2, "S-3"), matching.created());
    assertTrue(matching.failed().isEmpty());
  }

  @Test
  void match_middleElementFailed_placesTheOthersAroundIt() {
    JsonArray errors = new JsonArray().add(error(1, "summary", "refused"));
    BulkAnswer answer = answer(keys("S-1", "S-2"), errors);

    BulkAnswer.Matching matching = answer.match(3);

    assertEquals(Map.of(0, "S-1", 2, "S-2"), matching.created());
    assertEquals("Jira returned 400: summary: refused", matching.failed().get(1).message());
    assertTrue(matching.unplaced().isEmpty());
  }

  @Test
  void match_labelsRefused_saysSoForThatElement() {
    JsonArray errors =
        new JsonArray().add(error(0, "labels", "Field 'labels' cannot be set. It is not on..."));
    BulkAnswer answer = answer(keys("S-1"), errors);

    BulkAnswer.Matching matching = answer.match(2);

    assertTrue(matching.failed().get(0).labelsRefused());
    assertEquals(Map.of(1, "S-1"), matching.created());
  }

  @Test
  void match_countsDoNotAddUp_placesNothingAndListsTheKeys() {
    JsonArray errors = new JsonArray().add(error(2, "summary", "refused"));
    BulkAnswer answer = answer(keys("S-1"), errors);

    BulkAnswer.Matching matching = answer.match(3);

    assertTrue(matching.created().isEmpty());
    assertEquals(List.of("S-1"), matching.unplaced());
  }

  @Test
  void match_errorNamesNoElementOrOneTwice_trustsNoPosition() {
    JsonArray outOfRange = new JsonArray().add(error(7, "summary", "x"));
    JsonArray twice = new JsonArray().add(error(0, "summary", "x")).add(error(0, "summary", "y"));

    BulkAnswer.Matching first = answer(keys("S-1", "S-2"), outOfRange).match(3);
    BulkAnswer.Matching second = answer(keys("S-1"), twice).match(2);

    assertTrue(first.created().isEmpty() && first.failed().isEmpty());
    assertEquals(List.of("S-1", "S-2"), first.unplaced());
    assertTrue(second.created().isEmpty());
    assertEquals(List.of("S-1"), second.unplaced());
  }

  @Test
  void match_aKeyThatIsNoIssueKey_isNeitherPlacedNorListed() {
    BulkAnswer answer = answer(keys("S-1", "../../evil", "S-3"), new JsonArray());

    BulkAnswer.Matching matching = answer.match(3);

    assertTrue(matching.created().isEmpty());
    assertTrue(matching.failed().isEmpty());
    assertEquals(List.of("S-1", "S-3"), matching.unplaced());
  }

  private static BulkAnswer answer(JsonArray issues, JsonArray errors) {
    return new BulkAnswer(issues, errors, CREDENTIALS);
  }

  private static JsonArray keys(String... keys) {
    JsonArray out = new JsonArray();
    for (String key : keys) {
      out.add(new JsonObject().put("id", "1" + key.hashCode()).put("key", key));
    }
    return out;
  }

  private static JsonObject error(int element, String field, String message) {
    JsonObject collection =
        new JsonObject()
            .put("errorMessages", new JsonArray())
            .put("errors", new JsonObject().put(field, message));
    return new JsonObject()
        .put("status", 400)
        .put("elementErrors", collection)
        .put("failedElementNumber", element);
  }
}
