package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRulesTest {

  @Test
  void labels_seedCommaList_givesSecurityAndAkto() {
    List<String> labels = Labels.fromCommaList("security,akto");

    assertEquals(List.of("security", "akto"), labels);
  }

  @Test
  void labels_spacesEmptiesAndDuplicates_trimmedJoinedDropped() {
    List<String> labels = Labels.fromCommaList("  api  security , ,api security,\tx\ty ,, x");

    assertEquals(List.of("api_security", "x_y", "x"), labels);
  }

  @Test
  void labels_nullOrOnlyCommas_giveNone() {
    assertEquals(List.of(), Labels.fromCommaList(null));
    assertEquals(List.of(), Labels.fromCommaList(" , ,, "));
    assertEquals(List.of("a"), Labels.clean(Arrays.asList(null, " a ", "a")));
  }

  @Test
  void summary_longTitle_cutTo255() {
    String title = "x".repeat(300);

    String summary = Summary.of(title);

    assertEquals(255, summary.length());
  }

  @Test
  void summary_surrogatePairAtTheLimit_isNotSplit() {
    String title = "a".repeat(254) + "\uD83D\uDE00" + "tail";

    String summary = Summary.of(title);

    assertEquals(254, summary.length());
    assertTrue(summary.codePoints().allMatch(cp -> cp == 'a'));
  }

  @Test
  void summary_pairEndingExactlyAtTheLimit_isKept() {
    String title = "a".repeat(253) + "\uD83D\uDE00" + "tail";

    String summary = Summary.of(title);

    assertEquals(255, summary.length());
    assertTrue(summary.endsWith("\uD83D\uDE00"));
  }

  @Test
  void summary_lineBreaksAndTabs_becomeSpaces() {
    String summary = Summary.of("  Potential BOLA\r\nvulnerability\ton /api  ");

    assertEquals("Potential BOLA vulnerability on /api", summary);
  }
}
