package com.apisec.gateway.integrations.jira.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Assertions;

/**
 * Drives the node's sandbox from a test: failure switches, reset, the calls the Jira stand-in
 * received, and the stand-in's own REST API (to read issues, or to make one as if a lost create had
 * reached Jira). Blocks until the sandbox answers: call it from the test thread.
 */
public final class SandboxClient {
  private static final String STAND_IN_AUTH =
      "Basic "
          + Base64.getEncoder()
              .encodeToString("tests@example.com:any-token".getBytes(StandardCharsets.UTF_8));

  private final WebClient web;
  private final int port;

  SandboxClient(Vertx vertx, int port) {
    this.web = WebClient.create(vertx);
    this.port = port;
  }

  public int port() {
    return port;
  }

  public void reset() {
    HttpResponse<Buffer> response = web.post(port, "127.0.0.1", "/_reset").send().await();
    Assertions.assertEquals(204, response.statusCode(), response.bodyAsString());
  }

  /** The next {@code count} Jira calls are answered with {@code status} and this body. */
  public void failNext(int count, int status, String contentType, String body) {
    control(
        new JsonObject()
            .put("failNext", count)
            .put("status", status)
            .put("contentType", contentType)
            .put("body", body));
  }

  /** The next Jira call is held for {@code ms} before the stand-in handles it. */
  public void slowNext(long ms) {
    control(new JsonObject().put("failNext", 1).put("delayMs", ms));
  }

  private void control(JsonObject settings) {
    HttpResponse<Buffer> response =
        web.post(port, "127.0.0.1", "/_control")
            .sendJsonObject(settings.put("vendor", "jira"))
            .await();
    Assertions.assertEquals(200, response.statusCode(), response.bodyAsString());
  }

  /** The calls the Jira stand-in received, oldest first (paths without {@code /jira}). */
  public List<JsonObject> requests() {
    HttpResponse<Buffer> response =
        web.get(port, "127.0.0.1", "/_requests?vendor=jira").send().await();
    Assertions.assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonArray calls = response.bodyAsJsonArray();
    return calls.stream().map(JsonObject.class::cast).toList();
  }

  public long count(String method, String path) {
    return requests().stream()
        .filter(r -> method.equals(r.getString("method")) && path.equals(r.getString("path")))
        .count();
  }

  /** Issues created at the stand-in. */
  public long creates() {
    return count("POST", "/rest/api/3/issue");
  }

  /** An issue as the stand-in holds it, with the gateway's marker property; null if none. */
  public JsonObject issue(String key) {
    HttpResponse<Buffer> response =
        web.get(port, "127.0.0.1", "/jira/rest/api/3/issue/" + key + "?properties=gateway.subject")
            .putHeader("Authorization", STAND_IN_AUTH)
            .send()
            .await();
    return response.statusCode() == 404 ? null : response.bodyAsJsonObject();
  }

  /** Creates an issue directly at the stand-in, as a create whose answer was lost would have. */
  public String createDirectly(JsonObject body) {
    HttpResponse<Buffer> response =
        web.post(port, "127.0.0.1", "/jira/rest/api/3/issue")
            .putHeader("Authorization", STAND_IN_AUTH)
            .sendJsonObject(body)
            .await();
    Assertions.assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getString("key");
  }
}
