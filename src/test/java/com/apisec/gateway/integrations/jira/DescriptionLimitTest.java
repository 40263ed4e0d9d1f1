package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DescriptionLimitTest {

  @ParameterizedTest
  @EnumSource(JiraDeployment.class)
  void fit_shortDescription_isSentWhole(JiraDeployment deployment) {
    Description description = Description.create().heading(3, "Overview").text("short");

    DescriptionLimit.Fitted fitted = DescriptionLimit.fit(deployment.dialect(), description);

    assertFalse(fitted.cut());
    assertNull(fitted.fullText());
    assertEquals(description.blocks(), fitted.description().blocks());
  }

  @ParameterizedTest
  @EnumSource(JiraDeployment.class)
  void fit_descriptionOverTheLimit_isCutWithANoteAndKeptWhole(JiraDeployment deployment) {
    JiraDialect dialect = deployment.dialect();
    String longText = "word ".repeat(10_000);
    Description description =
        Description.create()
            .text("Host - https://api.example.com")
            .text(longText)
            .heading(3, "End");

    DescriptionLimit.Fitted fitted = DescriptionLimit.fit(dialect, description);

    assertTrue(fitted.cut());
    assertTrue(DescriptionLimit.size(dialect, fitted.description()) <= DescriptionLimit.JIRA_MAX);
    String sent = fitted.description().plainText();
    assertTrue(sent.startsWith("Host - https://api.example.com"), sent.substring(0, 40));
    assertTrue(sent.endsWith("the full text is attached as " + fitted.fullText().fileName() + "."));
    assertTrue(fitted.fullText().text().contains(longText.strip()));
    assertTrue(fitted.fullText().text().endsWith("End\n---"));
  }

  @ParameterizedTest
  @EnumSource(JiraDeployment.class)
  void fit_smallLimit_stillFitsWithTheNote(JiraDeployment deployment) {
    Description description = Description.create().code("x".repeat(5_000));

    DescriptionLimit.Fitted fitted = DescriptionLimit.fit(deployment.dialect(), description, 3_000);

    assertTrue(DescriptionLimit.size(deployment.dialect(), fitted.description()) <= 3_000);
    assertTrue(fitted.description().plainText().contains("was cut here"));
  }

  @ParameterizedTest
  @EnumSource(JiraDeployment.class)
  void bound_hostileDescriptions_isNeverBelowTheWrittenSize(JiraDeployment deployment) {
    JiraDialect dialect = deployment.dialect();
    Random random = new Random(20_261_204L);
    for (int i = 0; i < 2_000; i++) {
      Description description = hostile(random);

      long bound = DescriptionLimit.bound(description);
      int written = DescriptionLimit.size(dialect, description);

      assertTrue(written <= bound, "written " + written + " over bound " + bound);
    }
  }

  @ParameterizedTest
  @EnumSource(JiraDeployment.class)
  void bound_denseEscapes_isStillOverTheWrittenSize(JiraDeployment deployment) {
    Description description = Description.create().text("\u0001\n\"".repeat(200));

    long bound = DescriptionLimit.bound(description);

    assertTrue(DescriptionLimit.size(deployment.dialect(), description) <= bound);
  }

  /** Pieces that grow most when written: escapes, line breaks, URLs, wiki and JSON specials. */
  private static final String[] PIECES = {
    "\"",
    "\\",
    "\n",
    "\r\n",
    "\n\n",
    "\u0001",
    "\t",
    "{",
    "}",
    "[",
    "|",
    "*",
    "_",
    "-x",
    "h1.",
    "#",
    "http://a",
    "https://x.y/z?q=1&r=\"2\"",
    " ",
    "a",
    "\uD83D\uDE00",
    "\u00e9",
    "```\ncode\n```",
    "<b>",
    "?"
  };

  private static Description hostile(Random random) {
    Description description = Description.create();
    int blocks = 1 + random.nextInt(6);
    for (int b = 0; b < blocks; b++) {
      switch (random.nextInt(5)) {
        case 0 -> description.text(pieces(random));
        case 1 -> description.link(pieces(random), "https://h.example/" + pieces(random).strip());
        case 2 -> description.heading(1 + random.nextInt(6), pieces(random));
        case 3 -> description.bullets(List.of(pieces(random), pieces(random), "x"));
        default -> description.code(pieces(random));
      }
    }
    return description;
  }

  private static String pieces(Random random) {
    StringBuilder out = new StringBuilder();
    int count = 1 + random.nextInt(40);
    for (int i = 0; i < count; i++) {
      out.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return out.toString();
  }
}
