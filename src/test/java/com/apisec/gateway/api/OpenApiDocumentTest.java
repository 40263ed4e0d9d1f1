package com.apisec.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
  private final JsonObject document = OpenApiDocument.load();

  @Test
  void document_listsExactlyTheRoutesTheGatewayServes() {
    Set<String> routes =
        Operations.all().stream().map(op -> "/api/" + op.name()).collect(Collectors.toSet());
    Set<String> documented =
        document.getJsonObject("paths").fieldNames().stream()
            .filter(path -> path.startsWith("/api/"))
            .collect(Collectors.toSet());

    assertEquals(new TreeSet<>(routes), new TreeSet<>(documented));
  }

  @Test
  void document_permissionsAndAddressesMatchTheRouteTable() {
    for (Operation op : Operations.all()) {
      JsonObject entry = OpenApiDocument.operation(document, op.name());
      JsonObject permission = entry.getJsonObject("x-permission");

      assertEquals(op.name(), entry.getString("operationId"));
      assertEquals(op.feature().name(), permission.getString("feature"), op.name());
      assertEquals(op.access().name(), permission.getString("access"), op.name());
      assertEquals(op.address(), entry.getString("x-address"), op.name());
    }
  }

  @Test
  void document_everyExampleValidatesAgainstItsRequestSchema() {
    for (Operation op : Operations.all()) {
      JsonObject media = requestMedia(document, op.name());
      assertNotNull(media.getValue("example"), op.name() + " has no example");

      OutputUnit result =
          validator(media.getJsonObject("schema")).validate(media.getValue("example"));

      assertTrue(result.getValid(), op.name() + ": " + result.getErrors());
    }
  }

  @Test
  void document_aBrokenExampleFailsValidation() {
    JsonObject media = requestMedia(document, "createGeneralJiraTicket");
    JsonObject broken = media.getJsonObject("example").copy().put("title", 42);

    OutputUnit result = validator(media.getJsonObject("schema")).validate(broken);

    assertEquals(false, result.getValid());
  }

  /** The request body media of an operation. */
  static JsonObject requestMedia(JsonObject document, String name) {
    return OpenApiDocument.operation(document, name)
        .getJsonObject("requestBody")
        .getJsonObject("content")
        .getJsonObject("application/json");
  }

  static Validator validator(JsonObject schema) {
    return com.apisec.gateway.testing.OpenApiExamples.validator(schema);
  }
}
