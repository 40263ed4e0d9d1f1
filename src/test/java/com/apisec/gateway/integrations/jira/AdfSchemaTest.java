package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the descriptions the gateway writes against Atlassian's published ADF schema. */
class AdfSchemaTest {
  private static Validator validator;

  @BeforeAll
  static void loadSchema() throws IOException {
    String dir = System.getProperty("contracts.dir", "");
    Path file = Path.of(dir, "jira-cloud", "adf-schema-v1-full.json");
    if (dir.isEmpty() || !Files.isRegularFile(file)) {
      String why = "ADF schema not found at " + file + " (set -Dcontracts.dir)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    JsonObject schema = new JsonObject(Files.readString(file));
    JsonSchemaOptions options =
        new JsonSchemaOptions()
            .setDraft(Draft.DRAFT4)
            .setBaseUri("https://gateway.test/adf-schema-v1-full.json")
            .setOutputFormat(OutputFormat.Basic);
    validator = Validator.create(JsonSchema.of(schema), options);
  }

  @Test
  void seedThreatDescription_withEventDetails_isValidAdf() {
    TicketContent content =
        new TicketContent(
            "Unauthorized access to other users' data was detected.",
            List.of(
                new TicketContent.Detail("Event type", "THREAT"),
                new TicketContent.Detail("Threat event id", "4a3502a0-ab5f-4255-9628-aae3b0ef33bd"),
                new TicketContent.Detail("Template id", "BOLA_ID")));

    Object description = CloudDialect.INSTANCE.description(content.toDescription());

    assertValid((JsonObject) description);
  }

  @Test
  void dashboardStyleMultiLineText_withLinksQuotesAndHtml_isValidAdf() {
    String text =
        "Threat Detection Alert\nTemplate ID: filter-1\n\n\nSeverity: HIGH\r\n"
            + "Details: <script>alert(\"x\")</script> 'quoted'\n\n"
            + "Reference URL: https://app.example.com/dashboard/threat?e=1).\n \n";

    JsonObject doc =
        AdfDocument.create()
            .text(text)
            .heading(3, "Event details")
            .bulletList(List.of("See https://example.com/a", "", "Plain"))
            .toJson();

    assertValid(doc);
  }

  @Test
  void emptyTextNode_isRejectedBySchema_soTheCheckCanFail() {
    JsonObject paragraph =
        new JsonObject()
            .put("type", "paragraph")
            .put(
                "content",
                new JsonArray().add(new JsonObject().put("type", "text").put("text", "")));
    JsonObject doc =
        new JsonObject()
            .put("type", "doc")
            .put("version", 1)
            .put("content", new JsonArray().add(paragraph));

    OutputUnit result = validator.validate(doc);

    assertFalse(result.getValid());
  }

  private static void assertValid(JsonObject doc) {
    OutputUnit result = validator.validate(doc);
    assertTrue(result.getValid(), () -> "invalid ADF: " + result.getErrors() + "\n" + doc);
    assertEquals("doc", doc.getString("type"));
  }
}
