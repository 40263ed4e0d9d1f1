package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WikiMarkupTest {

  @Test
  void render_headingsBulletsLinksAndCode_areWikiMarkup() {
    Description description =
        Description.create()
            .heading(3, "Overview")
            .bullets(List.of("first", "second"))
            .link("Issue link - Akto dashboard", "https://app.example.com/issues?result=1|2")
            .text("Reproduce:\n```\ncurl -X GET https://api.example.com/a\n```\nDone.");

    String wiki = WikiMarkup.render(description);

    assertEquals(
        "h3. Overview\n\n"
            + "* first\n* second\n\n"
            + "[Issue link - Akto dashboard|https://app.example.com/issues?result=1%7C2]\n\n"
            + "Reproduce:\n\n"
            + "{code}\ncurl -X GET https://api.example.com/a\n{code}\n\n"
            + "Done.",
        wiki);
  }

  @Test
  void escape_markupCharacters_showAsTyped() {
    String line = "*bold* _em_ {code} [link|x] -strike- ^sup^ ~sub~ +ins+ !img! ??cite??";

    String escaped = WikiMarkup.escape(line);

    assertEquals(
        "\\*bold\\* \\_em\\_ \\{code\\} \\[link\\|x\\] \\-strike- \\^sup\\^ \\~sub\\~ \\+ins\\+"
            + " \\!img\\! \\??cite\\??",
        escaped);
  }

  @Test
  void escape_addressesAndPlainDashes_areLeftWhole() {
    String line = "Host - https://api.example.com/a_b-c?x=1 and CWE-639 on 2024-01-15";

    String escaped = WikiMarkup.escape(line);

    assertEquals(line, escaped);
  }

  @Test
  void escape_lineThatWouldBeAHeadingOrNumberedList_isNotOne() {
    assertEquals("\\h1. not a heading", WikiMarkup.escape("h1. not a heading"));
    assertEquals("\\# not a list", WikiMarkup.escape("# not a list"));
  }

  @Test
  void render_codeHoldingTheCodeMacro_cannotEndTheBlockEarly() {
    Description description = Description.create().code("a {code} b");

    assertEquals("{code}\na { code} b\n{code}", WikiMarkup.render(description));
  }
}
