package com.apisec.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void header_bearerAuthorization_keepsOnlyTheScheme() {
    String recorded = Redaction.header("authorization", "Bearer eyJhbGciOi.secret.part");

    assertEquals("Bearer [REDACTED]", recorded);
  }

  @Test
  void header_apiKeyAndCookie_areMasked() {
    assertEquals("[REDACTED]", Redaction.header("DD-API-KEY", "abc123"));
    assertEquals("[REDACTED]", Redaction.header("Cookie", "JSESSIONID=1"));
  }

  @Test
  void header_atlassianXsrfMarker_staysVisible() {
    String recorded = Redaction.header("X-Atlassian-Token", "no-check");

    assertEquals("no-check", recorded);
  }

  @Test
  void query_tokenParameter_isMaskedAndOthersKept() {
    String recorded = Redaction.query("jql=project%20%3D%20A&token=s3cr3t&nextPageToken=abc");

    assertEquals("jql=project%20%3D%20A&token=[REDACTED]&nextPageToken=abc", recorded);
  }
}
