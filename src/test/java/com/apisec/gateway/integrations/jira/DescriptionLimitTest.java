package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
