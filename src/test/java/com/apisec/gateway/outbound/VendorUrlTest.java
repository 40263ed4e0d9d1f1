package com.apisec.gateway.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VendorUrlTest {
  @Test
  void parse_userUrl_normalised() {
    VendorUrl url = VendorUrl.parse(" HTTPS://Example-Org.Atlassian.NET//rest//api/3/issue?x=1 ");

    assertEquals(
        new VendorUrl("https", "example-org.atlassian.net", 443, "/rest/api/3/issue?x=1"), url);
    assertEquals("https://example-org.atlassian.net/rest/api/3/issue?x=1", url.toUrl());
  }

  @Test
  void parse_sameUrlTwice_sameValue() {
    String text = "http://127.0.0.1:8090/jira/rest/api/3/issue";

    assertEquals(VendorUrl.parse(text), VendorUrl.parse(text));
    assertEquals(8090, VendorUrl.parse(text).port());
  }

  @Test
  void parse_refusedUrl_refusedEveryTime() {
    for (int i = 0; i < 3; i++) {
      OutboundException refused =
          assertThrows(OutboundException.class, () -> VendorUrl.parse("ftp://example.com/x"));
      assertEquals("URL must start with http:// or https://", refused.getMessage());
      assertThrows(OutboundException.class, () -> VendorUrl.parse("https://user:pw@example.com/"));
      assertThrows(OutboundException.class, () -> VendorUrl.parse(null));
    }
  }
}
