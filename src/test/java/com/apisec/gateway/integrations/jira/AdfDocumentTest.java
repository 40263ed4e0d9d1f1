package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AdfDocumentTest {

  @Test
  void text_blankLineBetweenBlocks_makesTwoParagraphs() {
    String text = "Threat Detection Alert\n\nSeverity: HIGH";

    JsonObject doc = AdfDocument.create().text(text).toJson();

    JsonArray content = doc.getJsonArray("content");
    assertEquals(2, content.size());
    assertEquals("Threat Detection Alert", textOf(content.getJsonObject(0)));
    assertEquals("Severity: HIGH", textOf(content.getJsonObject(1)));
  }

  @Test
  void text_singleLineBreaks_becomeHardBreaksInOneParagraph() {
    String text = "Host: api.example.com\r\nEndpoint: /api/v1/users\rMethod: GET";

    JsonObject doc = AdfDocument.create().text(text).toJson();

    JsonArray inline = doc.getJsonArray("content").getJsonObject(0).getJsonArray("content");
    assertEquals(List.of("text", "hardBreak", "text", "hardBreak", "text"), types(inline));
    assertEquals("Endpoint: /api/v1/users", inline.getJsonObject(2).getString("text"));
  }

  @Test
  void text_manyBlankAndWhitespaceLines_neverWritesEmptyNodes() {
    String text = "\n\n  \r\n first \n\n\n\t\n second\n \n\n";

    JsonObject doc = AdfDocument.create().text(text).toJson();

    assertEquals(2, doc.getJsonArray("content").size());
    assertNoEmptyNodes(doc);
  }

  @Test
  void text_blankOrNull_addsNothing() {
    AdfDocument doc = AdfDocument.create().text(null).text("").text(" \n \n\t");

    assertTrue(doc.isEmpty());
    assertEquals(0, doc.toJson().getJsonArray("content").size());
  }

  @Test
  void text_quotesHtmlAndJson_keptAsLiteralText() {
    String text = "<b>bold</b> \"quoted\" 'single' {\"a\": 1} & more";

    JsonObject doc = AdfDocument.create().text(text).toJson();

    JsonObject node =
        doc.getJsonArray("content").getJsonObject(0).getJsonArray("content").getJsonObject(0);
    assertEquals(text, node.getString("text"));
    assertFalse(node.containsKey("marks"));
  }

  @Test
  void text_urlInSentence_becomesLinkMarkWithoutTrailingPunctuation() {
    String text = "See https://app.example.com/threats?id=42. Then act.";

    JsonObject doc = AdfDocument.create().text(text).toJson();

    JsonArray inline = doc.getJsonArray("content").getJsonObject(0).getJsonArray("content");
    assertEquals(3, inline.size());
    JsonObject link = inline.getJsonObject(1);
    assertEquals("https://app.example.com/threats?id=42", link.getString("text"));
    JsonObject mark = link.getJsonArray("marks").getJsonObject(0);
    assertEquals("link", mark.getString("type"));
    assertEquals(
        "https://app.example.com/threats?id=42", mark.getJsonObject("attrs").getString("href"));
    assertEquals(". Then act.", inline.getJsonObject(2).getString("text"));
  }

  @Test
  void text_urlInParentheses_closingParenthesisStaysText() {
    String text = "(docs: https://example.com/page)";

    JsonObject doc = AdfDocument.create().text(text).toJson();

    JsonArray inline = doc.getJsonArray("content").getJsonObject(0).getJsonArray("content");
    assertEquals("https://example.com/page", inline.getJsonObject(1).getString("text"));
    assertEquals(")", inline.getJsonObject(2).getString("text"));
  }

  @Test
  void text_schemeWithoutHost_isNotLinked() {
    JsonObject doc = AdfDocument.create().text("broken http:// link").toJson();

    JsonArray inline = doc.getJsonArray("content").getJsonObject(0).getJsonArray("content");
    assertEquals(1, inline.size());
    assertFalse(inline.getJsonObject(0).containsKey("marks"));
  }

  @Test
  void text_controlCharacters_removedButTabsKept() {
    JsonObject doc = AdfDocument.create().text("a\u0000b\tc\u0007").toJson();

    assertEquals("ab\tc", textOf(doc.getJsonArray("content").getJsonObject(0)));
  }

  @Test
  void headingAndBulletList_writeLevelAndOneParagraphPerItem() {
    List<String> items = Arrays.asList("Event type: THREAT", "", null, "Template id: T-1");

    JsonObject doc = AdfDocument.create().heading(3, "Event details").bulletList(items).toJson();

    JsonArray content = doc.getJsonArray("content");
    JsonObject heading = content.getJsonObject(0);
    assertEquals("heading", heading.getString("type"));
    assertEquals(3, heading.getJsonObject("attrs").getInteger("level"));
    JsonArray listItems = content.getJsonObject(1).getJsonArray("content");
    assertEquals(2, listItems.size());
    assertEquals(
        "Template id: T-1",
        textOf(listItems.getJsonObject(1).getJsonArray("content").getJsonObject(0)));
  }

  @Test
  void headingAndBulletList_emptyInput_addNothing() {
    AdfDocument doc = AdfDocument.create().heading(2, "  ").bulletList(List.of("", " "));

    assertTrue(doc.isEmpty());
  }

  @Test
  void toJson_hasDocTypeAndVersionOne() {
    JsonObject doc = AdfDocument.create().text("x").toJson();

    assertEquals("doc", doc.getString("type"));
    assertEquals(1, doc.getInteger("version"));
  }

  static void assertNoEmptyNodes(Object node) {
    if (node instanceof JsonObject json) {
      if ("text".equals(json.getString("type"))) {
        assertFalse(json.getString("text", "").isEmpty(), "empty text node: " + json);
      }
      if (json.containsKey("content")) {
        assertFalse(
            json.getJsonArray("content").isEmpty() && !"doc".equals(json.getString("type")),
            "empty content: " + json);
      }
      json.forEach(entry -> assertNoEmptyNodes(entry.getValue()));
    } else if (node instanceof JsonArray array) {
      array.forEach(AdfDocumentTest::assertNoEmptyNodes);
    }
  }

  private static String textOf(JsonObject paragraph) {
    StringBuilder out = new StringBuilder();
    for (Object node : paragraph.getJsonArray("content")) {
      out.append(((JsonObject) node).getString("text", "\n"));
    }
    return out.toString();
  }

  private static List<String> types(JsonArray nodes) {
    List<String> out = new ArrayList<>();
    nodes.forEach(node -> out.add(((JsonObject) node).getString("type")));
    return out;
  }

  @Test
  void normaliseAndTrim_textWithoutWhatTheyChange_giveWhatThePatternsAloneGive() {
    Pattern unsafe = Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]");
    Pattern leading = Pattern.compile("^(?:[ \\t\\u00a0]*\n)+");
    Pattern trailing = Pattern.compile("(?:\n[ \\t\\u00a0]*)+$");
    String[] pieces = {
      "a", " ", "\t", "\n", "\r", "\r\n", "\u00a0", "\u0001", "\u007f", "\u00e9", "x y", "\u0085",
      "\u2028", "\u2029"
    };
    Random random = new Random(6);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(8); n >= 0; n--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String in = text.toString();
      String unix = in.replace("\r\n", "\n").replace('\r', '\n');
      String normalised = unsafe.matcher(unix).replaceAll("");
      String trimmed =
          in.isBlank()
              ? ""
              : trailing.matcher(leading.matcher(in).replaceFirst("")).replaceFirst("");

      assertEquals(normalised, AdfDocument.normalise(in), () -> "normalise " + escape(in));
      assertEquals(trimmed, AdfDocument.trimBlankEdges(in), () -> "trim " + escape(in));
    }
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
    return out.toString();
  }
}
