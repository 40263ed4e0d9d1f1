package com.apisec.gateway.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.api.Operation;
import com.apisec.gateway.api.Operations;
import com.apisec.gateway.integrations.jira.support.TestGateway;
import com.apisec.gateway.testing.OpenApiExamples;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Every request field that names a destination (marked {@code x-destination} in the OpenAPI
 * document) refuses loopback, link-local, private and metadata addresses in all their spellings,
 * hosts that resolve to them, and ports outside 1 to 65535; a vendor's redirect is never followed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class DestinationsTest {
  private static final List<String> FORBIDDEN =
      List.of(
          "https://127.0.0.1",
          "https://127.1",
          "https://2130706433",
          "https://localhost:8443",
          "https://[::1]",
          "https://[::ffff:127.0.0.1]",
          "https://[::ffff:a9fe:a9fe]",
          "https://169.254.169.254/latest/meta-data",
          "https://[fd00:ec2::254]",
          "https://10.0.0.5",
          "https://172.16.0.1",
          "https://192.168.1.1",
          "https://100.64.0.1",
          "https://0.0.0.0",
          "https://0x7f000001",
          "https://metadata.google.internal",
          "https://user:pass@example-org.atlassian.net",
          "https://example-org.atlassian.net:99999",
          "https://example-org.atlassian.net:0",
          "file:///etc/passwd",
          "gopher://127.0.0.1:6379/_INFO");

  private Vertx vertx;
  private TestGateway gateway;
  private String token;

  @BeforeAll
  void start() throws Exception {
    vertx = Vertx.vertx();
    gateway = TestGateway.start(vertx, Files.createTempDirectory("destinations"), 2_000);
    token = gateway.adminToken(TestGateway.newAccount());
  }

  @AfterAll
  void stop() throws Exception {
    gateway.close();
  }

  @TestFactory
  Stream<DynamicTest> everyDestinationField_forbiddenAddresses_areRefusedNamingTheField() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Operation op : Operations.all()) {
      JsonObject media = media(op.name());
      JsonObject properties = media.getJsonObject("schema").getJsonObject("properties");
      for (String field : properties == null ? List.<String>of() : properties.fieldNames()) {
        if (Boolean.TRUE.equals(properties.getJsonObject(field).getBoolean("x-destination"))) {
          for (String url : FORBIDDEN) {
            tests.add(
                DynamicTest.dynamicTest(
                    op.name() + "." + field + " = " + url, () -> refused(op, media, field, url)));
          }
        }
      }
    }
    assertFalse(tests.isEmpty(), "no operation marks a destination field");
    return tests.stream();
  }

  private void refused(Operation op, JsonObject media, String field, String url) {
    gateway.sandbox().reset();
    JsonObject body = media.getJsonObject("example").copy().put(field, url);

    HttpResponse<Buffer> response = gateway.post(op.name(), token, body);

    assertEquals(422, response.statusCode(), response.bodyAsString());
    String message = response.bodyAsJsonObject().getJsonArray("actionErrors").getString(0);
    assertTrue(message.contains(field), message);
    assertEquals(0, gateway.sandbox().requests().size());
  }

  @Test
  void vendorRedirect_isNotFollowed() {
    gateway.sandbox().reset();
    gateway.sandbox().failNext(1, 302, "text/html", "<a href='http://127.0.0.1/'>moved</a>");

    HttpResponse<Buffer> response =
        gateway.post("jira/add", token, media("jira/add").getJsonObject("example").copy());

    assertEquals(422, response.statusCode(), response.bodyAsString());
    assertEquals(1, gateway.sandbox().requests().size());
  }

  private static JsonObject media(String operation) {
    return OpenApiExamples.media(operation);
  }
}
