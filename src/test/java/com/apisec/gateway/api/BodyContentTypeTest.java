package com.apisec.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.core.Addresses;
import com.apisec.gateway.core.BusOperation;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON body is read as JSON whatever the Content-Type says ({@code curl -d} labels it as a form),
 * at every size up to the body limit, and a body over the limit is a 413 under every label.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class BodyContentTypeTest {
  private static final long ACCOUNT = 1_000_000L;
  private static final int LIMIT = 1_048_576;
  private static final List<String> TYPES =
      List.of(
          "application/x-www-form-urlencoded",
          "application/x-www-form-urlencoded; charset=UTF-8",
          "multipart/form-data; boundary=------------------------d74496d66958873e",
          "multipart/form-data",
          "text/plain",
          "application/json");

  @TempDir Path dataDir;
  private Vertx vertx;
  private WebClient client;
  private int port;
  private String token;

  @BeforeEach
  void deploy(Vertx vertx) {
    this.vertx = vertx;
    port = TestApi.deploy(vertx, dataDir, new JsonObject().put("bodyLimitBytes", LIMIT));
    client = WebClient.create(vertx);
    token = Tokens.admin(vertx, ACCOUNT);
    BusOperation.serve(
        vertx.eventBus(),
        Addresses.JIRA_FETCH,
        request -> Future.succeededFuture(request.toJson()));
  }

  @Test
  void jsonBody_anyContentTypeAndSize_isReadAsJson() {
    for (int size : List.of(5_000, 500_000)) {
      JsonObject sent = jsonOfSize(size);
      for (String type : TYPES) {

        HttpResponse<Buffer> response = post(type, sent.toBuffer());

        String label = type + ", " + size + " bytes";
        assertEquals(200, response.statusCode(), label + ": " + clip(response.bodyAsString()));
        assertEquals(sent, response.bodyAsJsonObject().getJsonObject("body"), label);
      }
    }
  }

  @Test
  void formEncodedPairs_underAFormContentType_are422LikeAnyNonJsonBody() {
    for (String type : TYPES) {

      HttpResponse<Buffer> response = post(type, Buffer.buffer("projId=SCRUM&issueType=Bug"));

      assertEquals(422, response.statusCode(), type);
      assertEquals("request body must be a JSON object", error(response), type);
    }
  }

  @Test
  void bodyOverTheLimit_anyContentType_is413() {
    Buffer big = jsonOfSize(LIMIT + 10).toBuffer();
    for (String type : TYPES) {

      HttpResponse<Buffer> response = post(type, big);

      assertEquals(413, response.statusCode(), type);
      assertTrue(error(response).contains(Integer.toString(LIMIT)), type);
    }
  }

  @Test
  void chunkedBodyOverTheLimit_formContentType_is413() {
    HttpClient http = vertx.createHttpClient();
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI("/api/fetchIntegration")
            .putHeader("Authorization", "Bearer " + token)
            .putHeader("Content-Type", "application/x-www-form-urlencoded");

    Map.Entry<Integer, String> answer =
        http.request(options)
            .compose(
                request -> {
                  request.setChunked(true);
                  return request.send(jsonOfSize(LIMIT + 10).toBuffer());
                })
            .compose(response -> response.body().map(b -> Map.entry(response.statusCode(), b)))
            .map(entry -> Map.entry(entry.getKey(), entry.getValue().toString()))
            .timeout(20, TimeUnit.SECONDS)
            .await();

    assertEquals(413, answer.getKey(), answer.getValue());
    assertTrue(
        new JsonObject(answer.getValue())
            .getJsonArray("actionErrors")
            .getString(0)
            .contains(Integer.toString(LIMIT)));
  }

  /** A JSON object of about {@code size} bytes whose strings hold what a form decoder trips on. */
  private static JsonObject jsonOfSize(int size) {
    JsonObject json =
        new JsonObject()
            .put("projId", "SCRUM")
            .put("url", "https://api.example.com/search?q=a&b=%zz+c")
            .put("note", "100% = done & more");
    int padding = Math.max(0, size - json.encode().length() - 12);
    return json.put("pad", "p".repeat(padding));
  }

  private HttpResponse<Buffer> post(String contentType, Buffer body) {
    HttpResponse<Buffer> response =
        client
            .post(port, "127.0.0.1", "/api/fetchIntegration")
            .putHeader("Authorization", "Bearer " + token)
            .putHeader("Content-Type", contentType)
            .sendBuffer(body)
            .await();
    String text = response.bodyAsString();
    assertTrue(response.statusCode() < 500, contentType + ": " + clip(text));
    assertFalse(text != null && (text.contains("Exception") || text.contains("\tat ")), text);
    return response;
  }

  private static String error(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonArray("actionErrors").getString(0);
  }

  private static String clip(String text) {
    return text == null || text.length() < 200 ? text : text.substring(0, 200) + "...";
  }
}
