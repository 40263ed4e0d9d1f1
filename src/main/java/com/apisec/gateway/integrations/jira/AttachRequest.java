package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.json.JsonObject;

/**
 * The body of {@code attachFileToIssue}, checked: the issue key and the samples. A sample may be a
 * string (raw HTTP text or the platform's JSON message as text) or the JSON message itself.
 */
record AttachRequest(String issueKey, String origReq, String testReq, boolean agentic) {

  static AttachRequest from(JsonObject body) {
    BodyFields fields = BodyFields.of(body);
    String issueKey = JiraKeys.issue("issueId", fields.required("issueId"));
    String orig = sample(fields, body, "origReq");
    String test = sample(fields, body, "testReq");
    boolean agentic = Boolean.TRUE.equals(fields.bool("agenticResult"));
    if (agentic && orig == null) {
      throw GatewayException.invalid("origReq is required when agenticResult is true");
    }
    if (orig == null && test == null) {
      throw GatewayException.invalid("origReq or testReq is required; both are empty");
    }
    return new AttachRequest(issueKey, orig, test, agentic);
  }

  SampleFile.Rendered file() {
    return agentic ? SampleFile.conversation(origReq) : SampleFile.render(origReq, testReq);
  }

  private static String sample(BodyFields fields, JsonObject body, String name) {
    if (body.getValue(name) instanceof JsonObject json) {
      return json.encode();
    }
    String text = fields.string(name);
    return text == null || text.isBlank() ? null : text;
  }
}
