package com.apisec.gateway.api;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The gateway's OpenAPI document, kept as YAML in the source tree ({@code openapi/gateway.yaml})
 * and served as JSON at {@code /openapi.json}. Tests hold it to the route table.
 */
public final class OpenApiDocument {
  static final String RESOURCE = "/openapi/gateway.yaml";

  private OpenApiDocument() {}

  public static JsonObject load() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
      Map<String, Object> tree = yaml.load(in);
      return new JsonObject(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The operation object of {@code POST /api/<name>}, or null. */
  public static JsonObject operation(JsonObject document, String name) {
    JsonObject path = document.getJsonObject("paths").getJsonObject("/api/" + name);
    return path == null ? null : path.getJsonObject("post");
  }
}
