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
   * value with and without its padding, and each URL-encoded as a form or a query writes it and as
   * a path does (spaces as {@code %20}, slashes kept). A short token is replaced only where it
   * stands alone, a long one in any letter case (so either case of percent-encoding); see {@link
   * Redactor}.
   */
  String redact(String text) {
    if (text == null || apiToken == null || apiToken.isEmpty()) {
      return text;
    }
    String basic = basicValue();
    List<String> forms =
        List.of(
            apiToken,
            basic,
            unpadded(basic),
            formEncoded(apiToken),
            formEncoded(basic),
            pathEncoded(apiToken),
            pathEncoded(basic));
    return Redactor.redact(text, forms);
  }

  private static String formEncoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String pathEncoded(String text) {
    return formEncoded(text).replace("+", "%20").replace("%2F", "/");
  }

  private static String unpadded(String base64) {
    int end = base64.length();
    while (end > 0 && base64.charAt(end - 1) == '=') {
      end--;
    }
    return base64.substring(0, end);
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
