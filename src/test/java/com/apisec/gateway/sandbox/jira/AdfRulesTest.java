package com.apisec.gateway.sandbox.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AdfRulesTest {

  @Test
  void problem_documentWithEveryKnownNode_isEmpty() {
    JsonObject doc = richDocument();

    Optional<String> problem = AdfRules.problem(doc);

    assertEquals(Optional.empty(), problem);
  }

  static Stream<Arguments> brokenDocuments() {
    return Stream.of(
        broken("version 2", d -> d.put("version", 2), "version"),
        broken("type not doc", d -> d.put("type", "paragraph"), "type"),
        broken("unknown key on doc", d -> d.put("title", "x"), "unknown key 'title'"),
        broken("content not array", d -> d.put("content", "text"), "content"),
        broken("unknown node", d -> block(d, 0).put("type", "table"), "unknown node type"),
        broken("empty text", d -> text(d).put("text", ""), "non-empty text"),
        broken("text missing", d -> text(d).remove("text"), "non-empty text"),
        broken("heading level 7", d -> heading(d).put("attrs", level(7)), "level"),
        broken("heading without attrs", d -> heading(d).remove("attrs"), "attrs.level"),
        broken(
            "link without href",
            d -> marks(d).getJsonObject(1).put("attrs", new JsonObject()),
            "href"),
        broken("unknown mark", d -> marks(d).add(mark("blink")), "unknown mark"),
        broken("code with strong", d -> marks(d).add(mark("code")), "code mark"),
        broken("empty list", d -> block(d, 2).put("content", new JsonArray()), "at least one"),
        broken("text at top", d -> d.getJsonArray("content").add(textNode("x")), "may not"),
        broken(
            "marks in code",
            d ->
                block(d, 3)
                    .getJsonArray("content")
                    .getJsonObject(0)
                    .put("marks", new JsonArray().add(mark("em"))),
            "codeBlock"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenDocuments")
  void problem_brokenDocument_namesTheProblem(
      String name, Consumer<JsonObject> breakIt, String expected) {
    JsonObject doc = richDocument();
    breakIt.accept(doc);

    Optional<String> problem = AdfRules.problem(doc);

    assertTrue(problem.isPresent(), name + " was accepted");
    assertTrue(problem.get().contains(expected), problem.get());
  }

  @Test
  void problem_plainString_isRefused() {
    Optional<String> problem = AdfRules.problem("just text");

    assertTrue(problem.isPresent());
  }

  private static Arguments broken(String name, Consumer<JsonObject> change, String expected) {
    return Arguments.of(name, change, expected);
  }

  /** heading, paragraph with marks, bullet list, code block, rule, quote, ordered list. */
  private static JsonObject richDocument() {
    JsonArray marks =
        new JsonArray()
            .add(mark("strong"))
            .add(mark("link").put("attrs", new JsonObject().put("href", "https://x.example")));
    JsonObject paragraph =
        node(
            "paragraph",
            textNode("see").put("marks", marks),
            new JsonObject().put("type", "hardBreak"));
    JsonObject item = node("listItem", node("paragraph", textNode("item")));
    JsonArray content =
        new JsonArray()
            .add(node("heading", textNode("Title")).put("attrs", level(2)))
            .add(paragraph)
            .add(node("bulletList", item))
            .add(
                node("codeBlock", textNode("GET /"))
                    .put("attrs", new JsonObject().put("language", "http")))
            .add(new JsonObject().put("type", "rule"))
            .add(node("blockquote", node("paragraph", textNode("quoted"))))
            .add(node("orderedList", item.copy()).put("attrs", new JsonObject().put("order", 1)));
    return new JsonObject().put("type", "doc").put("version", 1).put("content", content);
  }

  private static JsonObject node(String type, JsonObject... children) {
    return new JsonObject()
        .put("type", type)
        .put("content", new JsonArray(Stream.of(children).map(Object.class::cast).toList()));
  }

  private static JsonObject textNode(String text) {
    return new JsonObject().put("type", "text").put("text", text);
  }

  private static JsonObject mark(String type) {
    return new JsonObject().put("type", type);
  }

  private static JsonObject level(int level) {
    return new JsonObject().put("level", level);
  }

  private static JsonObject block(JsonObject doc, int index) {
    return doc.getJsonArray("content").getJsonObject(index);
  }

  private static JsonObject heading(JsonObject doc) {
    return block(doc, 0);
  }

  private static JsonObject text(JsonObject doc) {
    return block(doc, 1).getJsonArray("content").getJsonObject(0);
  }

  private static JsonArray marks(JsonObject doc) {
    return text(doc).getJsonArray("marks");
  }
}
