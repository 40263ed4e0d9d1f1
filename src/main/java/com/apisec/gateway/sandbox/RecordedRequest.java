package com.apisec.gateway.sandbox;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A call a stand-in received, with credentials already masked: the path is relative to the vendor's
 * prefix, and the body is parsed JSON, form fields, a summary of multipart parts, or text.
 * Instances are not changed once recorded.
 *
 * @param headers header name to value; repeated headers are joined with {@code ", "}
 * @param body a {@link JsonObject} or {@link JsonArray} for JSON, a {@link JsonObject} for forms,
 *     {@code {"parts": [...]}} for multipart, a {@link String} otherwise, or null when empty
 */
public record RecordedRequest(
    String vendor,
    Instant receivedAt,
    String method,
    String path,
    String query,
    JsonObject headers,
    String contentType,
    Object body) {

  private static final int TEXT_LIMIT = 64 * 1024;

  static RecordedRequest from(String vendor, RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String contentType = request.getHeader("Content-Type");
    return new RecordedRequest(
        vendor,
        Instant.now(),
        request.method().name(),
        request.path().substring(vendor.length() + 1),
        Redaction.query(request.query()),
        headers(request),
        contentType,
        body(ctx, contentType));
  }

  /** A header's recorded value, whatever the case of its name. */
  public Optional<String> header(String name) {
    for (Map.Entry<String, Object> entry : headers) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return Optional.of(String.valueOf(entry.getValue()));
      }
    }
    return Optional.empty();
  }

  public boolean multipart() {
    return contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  /** The multipart parts, or an empty list when the call was not multipart. */
  public List<FormPart> parts() {
    if (!multipart() || !(body instanceof JsonObject summary)) {
      return List.of();
    }
    return summary.getJsonArray("parts", new JsonArray()).stream()
        .map(JsonObject.class::cast)
        .map(
            p ->
                new FormPart(
                    p.getString("name"),
                    p.getString("filename"),
                    p.getString("contentType"),
                    p.getLong("size", 0L)))
        .toList();
  }

  /** The body as text: JSON encoded again, or the text itself; null when there was none. */
  public String bodyText() {
    if (body instanceof JsonObject json) {
      return json.encode();
    }
    if (body instanceof JsonArray json) {
      return json.encode();
    }
    return body == null ? null : body.toString();
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("vendor", vendor)
        .put("receivedAt", receivedAt.toString())
        .put("method", method)
        .put("path", path)
        .put("query", query)
        .put("headers", headers.copy())
        .put("body", bodyCopy());
  }

  private Object bodyCopy() {
    if (body instanceof JsonObject json) {
      return json.copy();
    }
    if (body instanceof JsonArray json) {
      return json.copy();
    }
    return body;
  }

  private static JsonObject headers(HttpServerRequest request) {
    JsonObject headers = new JsonObject();
    for (String name : request.headers().names()) {
      String value = String.join(", ", request.headers().getAll(name));
      headers.put(name, Redaction.header(name, value));
    }
    return headers;
  }

  private static Object body(RoutingContext ctx, String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/form-data")) {
      return multipartSummary(FormPart.of(ctx));
    }
    Buffer buffer = ctx.body() == null ? null : ctx.body().buffer();
    if (buffer == null || buffer.length() == 0) {
      return null;
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return form(buffer.toString(StandardCharsets.UTF_8));
    }
    if (type.contains("json")) {
      try {
        return Json.decodeValue(buffer);
      } catch (DecodeException e) {
        return text(buffer);
      }
    }
    return text(buffer);
  }

  private static JsonObject multipartSummary(List<FormPart> parts) {
    JsonArray array = new JsonArray();
    parts.forEach(part -> array.add(part.toJson()));
    return new JsonObject().put("parts", array);
  }

  private static JsonObject form(String text) {
    JsonObject fields = new JsonObject();
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      fields.put(name, Redaction.secretParam(name) ? Redaction.MASK : value);
    }
    return fields;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static String text(Buffer buffer) {
    if (buffer.length() <= TEXT_LIMIT) {
      return buffer.toString(StandardCharsets.UTF_8);
    }
    String head = buffer.getBuffer(0, TEXT_LIMIT).toString(StandardCharsets.UTF_8);
    return head + "...[" + (buffer.length() - TEXT_LIMIT) + " more bytes]";
  }
}
