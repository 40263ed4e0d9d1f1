package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SampleFileTest {
  private static final String TRAFFIC =
      new JsonObject()
          .put("method", "GET")
          .put("path", "/api/v1/users/2")
          .put(
              "requestHeaders",
              new JsonObject().put("host", "api.example.com").put("x-note", "it's").encode())
          .put("requestPayload", "")
          .put("responsePayload", "{\"id\":2,\"email\":\"b@example.com\"}")
          .put("statusCode", "200")
          .encode();

  private static final String TEST_MESSAGE =
      new JsonObject()
          .put(
              "request",
              new JsonObject()
                  .put("url", "https://api.example.com/api/v1/users/3")
                  .put("method", "POST")
                  .put("queryParams", "debug=1")
                  .put("headers", "{\"authorization\":\"Bearer attacker\"}")
                  .put("body", "{\"a\":1}"))
          .put("response", new JsonObject().put("statusCode", 200).put("body", "{\"id\":3}"))
          .encode();

  @Test
  void render_platformMessages_giveTheFourSectionsInOrder() {
    SampleFile.Rendered file = SampleFile.render(TRAFFIC, TEST_MESSAGE);

    String text = file.text();
    int original = text.indexOf("---------- Original Curl ----------");
    int originalResponse = text.indexOf("---------- Original Api Response ----------");
    int test = text.indexOf("---------- Test Curl ----------");
    int testResponse = text.indexOf("---------- Test Api Response ----------");
    assertTrue(original >= 0 && original < originalResponse);
    assertTrue(originalResponse < test && test < testResponse);
    assertTrue(file.fileName().matches("request-response-[0-9a-f]{12}\\.txt"));
  }

  @Test
  void render_trafficMessage_curlUsesHostHeaderAndQuotesSingleQuotes() {
    String text = SampleFile.render(TRAFFIC, null).text();

    assertTrue(text.contains("curl -X 'GET' 'https://api.example.com/api/v1/users/2'"), text);
    assertTrue(text.contains("-H 'x-note: it'\\''s'"), text);
    assertTrue(text.contains("{\"id\":2,\"email\":\"b@example.com\"}"), text);
    assertFalse(text.contains("--data-raw"), text);
  }

  @Test
  void render_testMessage_curlHasQueryHeadersAndBody() {
    String text = SampleFile.render(null, TEST_MESSAGE).text();

    assertTrue(text.contains("'https://api.example.com/api/v1/users/3?debug=1'"), text);
    assertTrue(text.contains("-H 'authorization: Bearer attacker'"), text);
    assertTrue(text.contains("--data-raw '{\"a\":1}'"), text);
    assertTrue(text.contains("---------- Test Api Response ----------\n{\"id\":3}"), text);
    assertFalse(text.contains("Original"), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"request\": 5}",
        "{\"request\": [], \"response\": {}}",
        "{\"request\": \"GET /\"}"
      })
  void render_requestThatIsNotAnObject_keptVerbatimAsRawText(String sample) {
    String text = SampleFile.render(sample, null).text();

    assertEquals("---------- Original Request and Response ----------\n" + sample + "\n", text);
  }

  @Test
  void render_responseThatIsNotAnObject_shownAsTheResponse() {
    String sample = "{\"request\": {\"url\": \"https://api.example.com/a\"}, \"response\": 5}";

    String text = SampleFile.render(null, sample).text();

    assertTrue(text.contains("curl 'https://api.example.com/a'"), text);
    assertTrue(text.endsWith("---------- Test Api Response ----------\n5\n"), text);
  }

  @Test
  void render_rawHttpText_keptVerbatimUnderItsOwnTitle() {
    String raw = "GET /api/v1/users/2 HTTP/1.1\nHost: api.example.com\n\nHTTP/1.1 200 OK\n{}";

    String text = SampleFile.render(raw, "  ").text();

    assertEquals("---------- Original Request and Response ----------\n" + raw + "\n", text);
  }

  @Test
  void conversation_keepsTextAsIs() {
    SampleFile.Rendered file = SampleFile.conversation("user: hi\nbot: hello");

    assertEquals("user: hi\nbot: hello", file.text());
    assertTrue(file.fileName().startsWith("agentic-conversation-"));
  }
}
