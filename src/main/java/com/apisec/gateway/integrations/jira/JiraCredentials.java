package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.outbound.Redactor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Where and as whom the gateway calls one Jira site. The token is opened from the store only for
 * the call; the record prints without it, and {@link #redact} removes it from any vendor text.
 */
record JiraCredentials(
    String baseUrl, String userEmail, String apiToken, JiraDeployment deployment) {

  private static final String HIDDEN = Redactor.MASK;

  /** The value of Basic authentication: base64 of {@code email:token}. */
  String basicValue() {
    String pair = userEmail + ":" + apiToken;
    return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Text with every form of the secret that could be echoed back replaced: the token, the Basic
   * value, and each URL-encoded (a query or form that Jira quotes). A short token is replaced only
   * where it stands alone; see {@link Redactor}.
   */
  String redact(String text) {
    if (text == null || apiToken == null || apiToken.isEmpty()) {
      return text;
    }
    String basic = basicValue();
    List<String> forms = List.of(apiToken, basic, urlEncoded(apiToken), urlEncoded(basic));
    return Redactor.redact(text, forms);
  }

  private static String urlEncoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
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
