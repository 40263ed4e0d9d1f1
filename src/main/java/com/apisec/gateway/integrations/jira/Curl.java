package com.apisec.gateway.integrations.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** A curl command line that repeats a sampled request, each part quoted for a POSIX shell. */
final class Curl {
  private Curl() {}

  /** From the platform's traffic message: method, path, requestHeaders, requestPayload. */
  static String fromTrafficMessage(JsonObject message) {
    JsonObject headers = headers(message.getValue("requestHeaders"));
    String url = absolute(SampleFile.text(message.getValue("path")), headers);
    String method = SampleFile.text(message.getValue("method"));
    return command(method, url, headers, SampleFile.text(message.getValue("requestPayload")));
  }

  /** From a test attempt's request: url, method, queryParams, headers, body. */
  static String fromTestRequest(JsonObject request) {
    JsonObject headers = headers(request.getValue("headers"));
    String url = absolute(SampleFile.text(request.getValue("url")), headers);
    String query = SampleFile.text(request.getValue("queryParams"));
    if (!query.isEmpty() && !url.contains("?")) {
      url = url + "?" + query;
    }
    String method = SampleFile.text(request.getValue("method"));
    return command(method, url, headers, SampleFile.text(request.getValue("body")));
  }

  private static String command(String method, String url, JsonObject headers, String body) {
    StringBuilder out = new StringBuilder("curl");
    if (!method.isBlank()) {
      out.append(" -X ").append(quote(method.trim()));
    }
    out.append(' ').append(quote(url));
    for (Map.Entry<String, Object> header : headers) {
      for (String value : values(header.getValue())) {
        out.append(" \\\n  -H ").append(quote(header.getKey() + ": " + value));
      }
    }
    if (!body.isEmpty()) {
      out.append(" \\\n  --data-raw ").append(quote(body));
    }
    return out.toString();
  }

  private static String absolute(String path, JsonObject headers) {
    if (path.startsWith("http://") || path.startsWith("https://")) {
      return path;
    }
    String host = hostHeader(headers);
    if (host == null) {
      return path;
    }
    return "https://" + host + (path.startsWith("/") ? path : "/" + path);
  }

  private static String hostHeader(JsonObject headers) {
    for (Map.Entry<String, Object> header : headers) {
      if (header.getKey().equalsIgnoreCase("host")) {
        return SampleFile.text(header.getValue()).trim();
      }
    }
    return null;
  }

  /** Headers given as an object, or as JSON text holding one (the platform stores both). */
  private static JsonObject headers(Object value) {
    if (value instanceof JsonObject json) {
      return json;
    }
    if (value instanceof String text) {
      JsonObject parsed = SampleFile.parseObject(text);
      return parsed == null ? new JsonObject() : parsed;
    }
    return new JsonObject();
  }

  private static Iterable<String> values(Object value) {
    if (value instanceof JsonArray array) {
      return array.stream().map(SampleFile::text).toList();
    }
    return java.util.List.of(SampleFile.text(value));
  }

  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
