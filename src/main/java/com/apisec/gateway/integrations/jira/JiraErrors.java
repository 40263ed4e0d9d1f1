package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.outbound.OutboundException;
import com.apisec.gateway.outbound.OutboundResponse;
import com.apisec.gateway.outbound.RetryAfter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns Jira's failures into 422s that carry Jira's own words ({@code errorMessages} and {@code
 * errors.<field>}), on one line, shortened, and with the credentials removed.
 */
final class JiraErrors {
  private static final int MAX_MESSAGE = 600;

  private JiraErrors() {}

  /** A create that may or may not have happened at Jira: the next request looks first. */
  static final class UnknownOutcome extends GatewayException {
    private UnknownOutcome(String message) {
      super(422, message);
    }

    static UnknownOutcome afterCreate(String reason) {
      return new UnknownOutcome(
          "the outcome of creating the Jira issue is unknown ("
              + reason
              + "); a retry will check Jira for it first");
    }

    static UnknownOutcome afterSearch(String reason) {
      return new UnknownOutcome(
          "an earlier attempt's outcome is unknown and Jira could not be searched for it ("
              + reason
              + "); a retry will check Jira again");
    }
  }

  /** Jira refused the labels because the project's create screen lacks the field. */
  static final class LabelsRefused extends GatewayException {
    LabelsRefused(String message) {
      super(422, message);
    }
  }

  /** Whether an error collection says the labels field cannot be set on this project. */
  static boolean labelsRefused(JsonObject errorCollection) {
    JsonObject errors = errorCollection == null ? null : errorCollection.getJsonObject("errors");
    Object labels = errors == null ? null : errors.getValue("labels");
    return labels instanceof String text && text.toLowerCase(Locale.ROOT).contains("cannot be set");
  }

  /** Jira answered with a failure status, which tells a refusal from a passing trouble. */
  static final class Rejected extends GatewayException {
    private final int jiraStatus;

    private Rejected(int jiraStatus, String message) {
      super(422, message);
      this.jiraStatus = jiraStatus;
    }

    /** A 4xx other than 429: the same call with the same credentials gets the same answer. */
    boolean lasting() {
      return jiraStatus >= 400 && jiraStatus < 500 && jiraStatus != 429;
    }
  }

  /** A 422 for a non-2xx answer. */
  static GatewayException rejected(OutboundResponse response, JiraCredentials credentials) {
    return new Rejected(response.status(), describe(response, credentials));
  }

  /** A call that got no answer from Jira: the site is at fault, whichever project it was for. */
  static final class NoAnswer extends GatewayException {
    private NoAnswer(String message) {
      super(422, message);
    }
  }

  /** A 422 for a call that got no answer; a refused destination names {@code baseUrl}. */
  static GatewayException unreachable(Throwable cause) {
    if (!(cause instanceof OutboundException e)) {
      return cause instanceof GatewayException g ? g : GatewayException.vendor("Jira call failed");
    }
    return new NoAnswer(
        switch (e.kind()) {
          case REFUSED -> "baseUrl cannot be used: " + e.getMessage();
          case NOT_SENT -> "Jira could not be reached: " + e.getMessage();
          case UNKNOWN -> "Jira did not answer: " + e.getMessage();
          case RATE_LIMITED -> "Jira is rate limiting requests: " + e.getMessage();
        });
  }

  static String describe(OutboundResponse response, JiraCredentials credentials) {
    int status = response.status();
    if (status == 401) {
      return "Jira rejected the credentials (401)";
    }
    if (status == 429) {
      Long wait = RetryAfter.seconds(response.headers().get("Retry-After"));
      return "Jira is rate limiting requests (429)"
          + (wait == null ? "" : "; retry after " + wait + " s");
    }
    JsonObject body = response.jsonObject();
    if (body == null) {
      return withoutJson(response);
    }
    List<String> messages = messages(body);
    String text = messages.isEmpty() ? "" : ": " + String.join("; ", messages);
    return clean("Jira returned " + status, text, credentials);
  }

  /** Jira's words from an error collection (a bulk element's {@code elementErrors}, say). */
  static String describe(int status, JsonObject collection, JiraCredentials credentials) {
    List<String> messages = collection == null ? List.of() : messages(collection);
    String text = messages.isEmpty() ? "" : ": " + String.join("; ", messages);
    return clean("Jira returned " + status, text, credentials);
  }

  /** An empty body, an HTML page (a proxy, a login or maintenance page), or other text. */
  private static String withoutJson(OutboundResponse response) {
    int status = response.status();
    if (response.body().length() == 0) {
      return "Jira returned " + status;
    }
    String type = String.valueOf(response.headers().get("Content-Type")).toLowerCase(Locale.ROOT);
    String start = response.body().getString(0, Math.min(256, response.body().length())).trim();
    if (type.contains("html") || start.startsWith("<")) {
      return "Jira returned "
          + status
          + " with an HTML page instead of JSON; check that baseUrl is the Jira site";
    }
    return "Jira returned " + status + " with a non-JSON body";
  }

  private static List<String> messages(JsonObject body) {
    List<String> out = new ArrayList<>();
    Object list = body.getValue("errorMessages");
    if (list instanceof JsonArray array) {
      array.forEach(item -> addText(out, null, item));
    }
    Object fields = body.getValue("errors");
    if (fields instanceof JsonObject map) {
      for (Map.Entry<String, Object> entry : map) {
        addText(out, entry.getKey(), entry.getValue());
      }
    }
    return out;
  }

  private static void addText(List<String> out, String field, Object value) {
    if (value instanceof String text && !text.isBlank()) {
      out.add(field == null ? text.trim() : field + ": " + text.trim());
    }
  }

  /**
   * Our words and Jira's, on one line and cut to length; only Jira's words are searched for the
   * credentials, so a short token never blanks out the gateway's own wording.
   */
  private static String clean(String ours, String jiras, JiraCredentials credentials) {
    String safe = ours + (credentials == null ? jiras : credentials.redact(jiras));
    String oneLine = safe.replaceAll("[\\r\\n\\t\\p{Cntrl}]+", " ").trim();
    return oneLine.length() <= MAX_MESSAGE ? oneLine : Summary.cut(oneLine, MAX_MESSAGE) + "...";
  }
}
