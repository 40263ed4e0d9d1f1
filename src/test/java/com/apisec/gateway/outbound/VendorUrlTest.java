package com.apisec.gateway.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
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

  @Test
  void parse_portOutsideOneTo65535_refusedForItsPort() {
    List<String> urls =
        List.of(
            "https://example.com:99999",
            "https://example.com:0",
            "https://example.com:65536/x",
            "https://example.com:99999999999",
            "https://example.com:-1",
            "https://[2606:4700::1111]:70000");

    for (String url : urls) {
      OutboundException refused = assertThrows(OutboundException.class, () -> VendorUrl.parse(url));
      assertEquals(
          "URL has an invalid port; a port is a number from 1 to 65535", refused.getMessage(), url);
    }
  }

  @Test
  void parse_portsAtTheEnds_areKept() {
    assertEquals(1, VendorUrl.parse("https://example.com:1").port());
    assertEquals(
        "https://example.com:65535", VendorUrl.normaliseBase("https://example.com:65535/"));
  }

  @Test
  void parse_ipv6Literal_keepsItsBracketsInTheUrl() {
    VendorUrl url = VendorUrl.parse("https://[2606:4700::1111]:8443//rest/x");

    assertEquals("2606:4700::1111", url.host());
    assertEquals("[2606:4700::1111]", url.hostHeader());
    assertEquals("https://[2606:4700::1111]:8443/rest/x", url.toUrl());
    assertEquals("https://[::1]", VendorUrl.normaliseBase("https://[::1]/"));
    assertEquals(url, VendorUrl.parse(url.toUrl()));
  }

  @Test
  void parse_hostName_isItsOwnHostHeader() {
    assertEquals("example.com", VendorUrl.parse("https://Example.com/x").hostHeader());
  }
}
