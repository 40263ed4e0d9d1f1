package com.apisec.gateway.sandbox.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class JqlTest {

  @Test
  void parse_projectAndIgnoredClauseWithOrder_keepsProjectAndDirection() {
    Jql jql = Jql.parse("project = SCRUM AND created >= -60m ORDER BY created ASC");

    assertEquals(Set.of("SCRUM"), jql.projects());
    assertFalse(jql.newestFirst());
    assertNull(jql.key());
  }

  @Test
  void parse_projectInList_keepsEveryProject() {
    Jql jql = Jql.parse("project in (SCRUM, \"API\")");

    assertEquals(Set.of("SCRUM", "API"), jql.projects());
    assertTrue(jql.newestFirst());
  }

  @Test
  void parse_issueKey_keepsTheKey() {
    Jql jql = Jql.parse("key = scrum-12");

    assertEquals("SCRUM-12", jql.key());
  }

  @Test
  void parse_emptyQuery_matchesEverything() {
    Jql jql = Jql.parse("");

    assertTrue(jql.projects().isEmpty());
  }

  @Test
  void parse_orBetweenClauses_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> Jql.parse("project = A OR project = B"));
  }
}
