package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.store.Finding;
import com.apisec.gateway.store.TestingIssueId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingContentTest {
  private static final TestingIssueId ID =
      new TestingIssueId(
          5,
          "https://api.example.com/api/v1/organisations/42/members/7/roles",
          "PUT",
          "BOLA",
          "AUTOMATED_TESTING");

  @Test
  void summary_longPath_isShortenedToItsEdges() {
    String summary = FindingContent.summary(finding("OPEN", template()), FindingText.none());

    assertEquals("Akto Report - BOLA on roles (PUT - /api/v1/organis...members/7/roles)", summary);
  }

  @Test
  void summary_dashboardEndpointLine_losesItsPrefix() {
    FindingText text = new FindingText("Title", null, "Endpoint - /short", null, null);

    assertEquals(
        "Akto Report - Title (PUT - /short)",
        FindingContent.summary(finding("OPEN", template()), text));
  }

  @Test
  void description_ignoredFinding_saysWhenAndWhyAndListsTheTemplate() {
    Finding finding = finding("IGNORED", template());

    String text = FindingContent.description(finding, FindingText.none(), null).plainText();

    assertTrue(text.contains("Host - https://api.example.com"), text);
    assertTrue(text.contains("Endpoint - /api/v1/organisations/42/members/7/roles"), text);
    assertTrue(text.contains("Issue Found on 2024-01-15 14:32 UTC"), text);
    assertTrue(
        text.contains(
            "Issue marked as IGNORED on 2024-01-16 00:00 UTC. Reason: No reason provided."),
        text);
    assertTrue(text.contains("- API1:2023"), text);
    assertTrue(text.contains("PCI\n---\n\nNo clauses available."), text);
    assertFalse(text.contains("CVE"), text);
  }

  @Test
  void description_noTemplate_endsWithTheTimelines() {
    Finding.Template none =
        new Finding.Template(
            "", "", "", "", List.of(), List.of(), List.of(), List.of(), new JsonObject());
    Finding finding = finding("OPEN", none);

    Description description = FindingContent.description(finding, FindingText.none(), null);

    List<Description.Block> blocks = description.blocks();
    assertEquals(new Description.Heading(3, "Timelines (UTC)"), blocks.get(blocks.size() - 2));
    assertFalse(description.plainText().contains("Remediation"));
  }

  @Test
  void description_noDashboardLink_writesNoLink() {
    Description description =
        FindingContent.description(finding("OPEN", template()), FindingText.none(), null);

    assertTrue(description.blocks().stream().noneMatch(b -> b instanceof Description.Link));
  }

  private static Finding finding(String status, Finding.Template template) {
    return new Finding(
        ID,
        "HIGH",
        status,
        1_705_329_120L,
        1_705_363_200L,
        null,
        null,
        "65a5",
        null,
        null,
        template);
  }

  private static Finding.Template template() {
    JsonObject compliance =
        new JsonObject().put("OWASP", new JsonArray().add("API1:2023")).put("PCI", new JsonArray());
    return new Finding.Template(
        "BOLA on roles",
        "d",
        "i",
        "r",
        List.of("tag"),
        List.of("CWE-639"),
        List.of(),
        List.of(),
        compliance);
  }
}
