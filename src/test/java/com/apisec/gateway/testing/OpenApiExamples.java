package com.apisec.gateway.testing;

import com.apisec.gateway.api.OpenApiDocument;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.Validator;

/** What tests read from the OpenAPI document: each operation's example and schemas. */
public final class OpenApiExamples {
  private static final JsonObject DOCUMENT = OpenApiDocument.load();

  private OpenApiExamples() {}

  public static JsonObject document() {
    return DOCUMENT;
  }

  /** The request body's media object (schema and example) of {@code POST /api/<operation>}. */
  public static JsonObject media(String operation) {
    return OpenApiDocument.operation(DOCUMENT, operation)
        .getJsonObject("requestBody")
        .getJsonObject("content")
        .getJsonObject("application/json");
  }

  /** A copy of the operation's example body (the seed's values). */
  public static JsonObject example(String operation) {
    return media(operation).getJsonObject("example").copy();
  }

  public static JsonObject requestSchema(String operation) {
    return media(operation).getJsonObject("schema");
  }

  /** A JSON Schema 2020-12 validator that lists every error. */
  public static Validator validator(JsonObject schema) {
    return Validator.create(
        JsonSchema.of(schema),
        new JsonSchemaOptions()
            .setDraft(Draft.DRAFT202012)
            .setBaseUri("https://gateway.local/")
            .setOutputFormat(OutputFormat.Basic));
  }
}
