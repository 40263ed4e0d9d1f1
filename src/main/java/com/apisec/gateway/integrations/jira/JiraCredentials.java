package com.apisec.gateway.integrations.jira;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where and as whom the gateway calls one Jira site. The token is opened from the store only for
 * the call; the record prints without it, and {@link #redact} removes it from any vendor text.
 */
record JiraCredentials(
    String baseUrl, String userEmail, String apiToken, JiraDeployment deployment) {

  private static final String HIDDEN = "[REDACTED]";

  /** The value of Basic authentication: base64 of {@code email:token}. */
  String basicValue() {
    String pair = userEmail + ":" + apiToken;
    return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /** Text with every form of the secret that could be echoed back replaced. */
  String redact(String text) {
    if (text == null || apiToken == null || apiToken.isEmpty()) {
      return text;
    }
    return text.replace(apiToken, HIDDEN).replace(basicValue(), HIDDEN);
  }

  @Override
  public String toString() {
    return "JiraCredentials[baseUrl="
        + baseUrl
        + ", deployment="
        + deployment
        + ", apiToken="
        + HIDDEN
        + "]";
  }
}
