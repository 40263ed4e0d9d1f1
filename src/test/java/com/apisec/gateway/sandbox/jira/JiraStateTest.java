package com.apisec.gateway.sandbox.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JiraStateTest {

  @Test
  void create_pastTheKeptNumber_forgetsTheOldestAndKeepsNumbering() {
    JiraState state = new JiraState();
    JiraProject scrum = state.project("SCRUM").orElseThrow();
    JiraIssue first = state.create(scrum, new JsonObject().put("summary", "first"), Map.of());

    JiraIssue last = null;
    for (int i = 0; i < JiraState.KEPT_ISSUES; i++) {
      last = state.create(scrum, new JsonObject().put("summary", "s" + i), Map.of());
    }

    assertTrue(state.issue(first.key()).isEmpty(), "oldest by key");
    assertTrue(state.issue(first.id()).isEmpty(), "oldest by id");
    assertEquals(last, state.issue(last.key()).orElseThrow());
    assertEquals("SCRUM-" + (JiraState.KEPT_ISSUES + 1), last.key());
    assertEquals(JiraState.KEPT_ISSUES, state.issues().size());
  }
}
