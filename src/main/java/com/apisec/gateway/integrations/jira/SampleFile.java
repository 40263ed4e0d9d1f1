package com.apisec.gateway.integrations.jira;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The one text file attached to an issue: the original sample and the test attempt. A sample in the
 * platform's JSON message shape is shown as a curl command and the API response; anything else (raw
 * HTTP text) is shown as it came.
 */
final class SampleFile {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The file's name and text. */
  record Rendered(String fileName, String text) {}

  private SampleFile() {}

  static Rendered render(String origReq, String testReq) {
    StringBuilder out = new StringBuilder();
    appendSample(out, "Original", origReq);
    appendSample(out, "Test", testReq);
    return new Rendered("request-response-" + randomSuffix() + ".txt", out.toString());
  }

  /** A conversation log from an agentic test, attached as it came. */
  static Rendered conversation(String text) {
    return new Rendered("agentic-conversation-" + randomSuffix() + ".txt", text);
  }

  private static void appendSample(StringBuilder out, String label, String sample) {
    if (sample == null || sample.isBlank()) {
      return;
    }
    JsonObject json = parseObject(sample);
    if (json != null && json.getValue("request") instanceof JsonObject request) {
      Object response = json.getValue("response");
      Object body = response instanceof JsonObject object ? object.getValue("body") : response;
      section(out, label + " Curl", Curl.fromTestRequest(request));
      section(out, label + " Api Response", text(body));
    } else if (json != null && (json.containsKey("method") || json.containsKey("path"))) {
      section(out, label + " Curl", Curl.fromTrafficMessage(json));
      section(out, label + " Api Response", text(json.getValue("responsePayload")));
    } else {
      section(out, label + " Request and Response", sample);
    }
  }

  private static void section(StringBuilder out, String title, String body) {
    if (out.length() > 0) {
      out.append('\n');
    }
    out.append("---------- ").append(title).append(" ----------\n");
    out.append(body == null ? "" : body).append('\n');
  }

  static JsonObject parseObject(String text) {
    String trimmed = text.trim();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      return new JsonObject(trimmed);
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof JsonObject json) {
      return json.encodePrettily();
    }
    if (value instanceof JsonArray array) {
      return array.encodePrettily();
    }
    return value.toString();
  }

  private static String randomSuffix() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
