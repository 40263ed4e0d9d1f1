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
 * Drives the node's sandbox from a test, for one Jira stand-in (Cloud at {@code /jira}, Data Center
 * at {@code /jira-dc}): failure switches, reset, the calls it received, contract violations, and
 * its own REST API (to read issues, or to make one as if a lost create had reached Jira). Blocks
 * until the sandbox answers: call it from the test thread.
 */
public final class SandboxClient {
  private static final String CLOUD_AUTH =
      "Basic "
          + Base64.getEncoder()
              .encodeToString("tests@example.com:any-token".getBytes(StandardCharsets.UTF_8));
  private static final String DC_AUTH = "Bearer any-personal-access-token";

  private final WebClient web;
  private final int port;
  private final String vendor;

  SandboxClient(Vertx vertx, int port, String vendor) {
    this.web = WebClient.create(vertx);
    this.port = port;
    this.vendor = vendor;
  }

  /** The same sandbox, for another stand-in. */
  public SandboxClient vendor(String other) {
    return new SandboxClient(web, port, other);
  }

  private SandboxClient(WebClient web, int port, String vendor) {
    this.web = web;
    this.port = port;
    this.vendor = vendor;
  }

  /** The REST prefix of this stand-in's Jira. */
  public String rest() {
    return vendor.equals("jira") ? "/rest/api/3" : "/rest/api/2";
  }

  public int port() {
    return port;
  }

  public void reset() {
    HttpResponse<Buffer> response = web.post(port, "127.0.0.1", "/_reset").send().await();
    Assertions.assertEquals(204, response.statusCode(), response.bodyAsString());
  }

  /** The next {@code count} calls are answered with {@code status} and this body. */
  public void failNext(int count, int status, String contentType, String body) {
    control(
        new JsonObject()
            .put("failNext", count)
            .put("status", status)
            .put("contentType", contentType)
            .put("body", body));
  }

  /**
   * The next {@code count} calls whose path (without the vendor prefix) starts with {@code path}
   * are answered with {@code status} and the stand-in's own error body; other calls pass.
   */
  public void failNextOn(String path, int count, int status) {
    control(new JsonObject().put("failNext", count).put("status", status).put("path", path));
  }

  /** As {@link #failNextOn(String, int, int)}, with this JSON body. */
  public void failNextOn(String path, int count, int status, JsonObject body) {
    control(
        new JsonObject()
            .put("failNext", count)
            .put("status", status)
            .put("path", path)
            .put("contentType", "application/json;charset=UTF-8")
            .put("body", body.encode()));
  }

  /** Clears the failure switch. */
  public void clearFailures() {
    control(new JsonObject().put("failNext", 0));
  }

  /** The next call is answered 429 with this {@code Retry-After}. */
  public void rateLimitNext(String retryAfter) {
    control(new JsonObject().put("failNext", 1).put("status", 429).put("retryAfter", retryAfter));
  }

  /** The next call is held for {@code ms} before the stand-in handles it. */
  public void slowNext(long ms) {
    control(new JsonObject().put("failNext", 1).put("delayMs", ms));
  }

  /** These projects refuse the labels field, as a create screen without it does. */
  public void refuseLabels(String... projects) {
    control(new JsonObject().put("refuseLabels", new JsonArray(List.of(projects))));
  }

  /** A workflow validator refuses every new issue whose summary holds one of these texts. */
  public void refuseSummaries(String... texts) {
    control(new JsonObject().put("refuseSummaries", new JsonArray(List.of(texts))));
  }

  private void control(JsonObject settings) {
    HttpResponse<Buffer> response =
        web.post(port, "127.0.0.1", "/_control")
            .sendJsonObject(settings.put("vendor", vendor))
            .await();
    Assertions.assertEquals(200, response.statusCode(), response.bodyAsString());
  }

  /** The calls the stand-in received, oldest first (paths without the vendor prefix). */
  public List<JsonObject> requests() {
    return list("/_requests?vendor=" + vendor);
  }

  /** Every contract violation any stand-in saw since the last reset. */
  public List<JsonObject> violations() {
    return list("/_violations");
  }

  /** Fails the test, listing them, when a call broke a vendor's published contract. */
  public void assertNoViolations() {
    List<JsonObject> violations = violations();
    Assertions.assertTrue(violations.isEmpty(), () -> "contract violations: " + violations);
  }

  private List<JsonObject> list(String path) {
    HttpResponse<Buffer> response = web.get(port, "127.0.0.1", path).send().await();
    Assertions.assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonArray calls = response.bodyAsJsonArray();
    return calls.stream().map(JsonObject.class::cast).toList();
  }

  public long count(String method, String path) {
    return requests().stream()
        .filter(r -> method.equals(r.getString("method")) && path.equals(r.getString("path")))
        .count();
  }

  /** Issues created one by one at the stand-in. */
  public long creates() {
    return count("POST", rest() + "/issue");
  }

  /** An issue as the stand-in holds it, with the gateway's marker property; null if none. */
  public JsonObject issue(String key) {
    HttpResponse<Buffer> response =
        web.get(
                port,
                "127.0.0.1",
                "/" + vendor + rest() + "/issue/" + key + "?properties=gateway.subject")
            .putHeader("Authorization", auth())
            .send()
            .await();
    return response.statusCode() == 404 ? null : response.bodyAsJsonObject();
  }

  /** Creates an issue directly at the stand-in, as a create whose answer was lost would have. */
  public String createDirectly(JsonObject body) {
    HttpResponse<Buffer> response =
        web.post(port, "127.0.0.1", "/" + vendor + rest() + "/issue")
            .putHeader("Authorization", auth())
            .sendJsonObject(body)
            .await();
    Assertions.assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getString("key");
  }

  private String auth() {
    return vendor.equals("jira") ? CLOUD_AUTH : DC_AUTH;
  }
}
