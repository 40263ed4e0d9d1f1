package com.apisec.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SandboxControlTest {
  private static Vertx vertx;
  private static SandboxFixture sandbox;
  private static JiraCalls jira;

  @BeforeAll
  static void startSandbox(Vertx shared) {
    vertx = shared;
    sandbox = SandboxFixture.start(vertx, List.of());
    jira = new JiraCalls(sandbox);
  }

  @AfterEach
  void resetSandbox() {
    sandbox.reset();
  }

  @Test
  void failNext_twoCallsWith429AndRetryAfter_answersTwiceThenRecovers() {
    sandbox.control(jiraControl().put("failNext", 2).put("status", 429).put("retryAfter", "2"));

    HttpResponse<Buffer> first = myself();
    HttpResponse<Buffer> second = myself();
    HttpResponse<Buffer> third = myself();

    assertEquals(429, first.statusCode());
    assertEquals("2", first.getHeader("Retry-After"));
    assertTrue(first.bodyAsJsonObject().containsKey("errorMessages"), first.bodyAsString());
    assertEquals(429, second.statusCode());
    assertEquals(200, third.statusCode());
  }

  @Test
  void failNext_503WithHtmlBody_answersThatBodyOnAnyPath() {
    String html = "<html><body>Service Unavailable</body></html>";
    sandbox.control(
        jiraControl().put("status", 503).put("body", html).put("contentType", "text/html"));

    HttpResponse<Buffer> response =
        jira.createIssue(JiraCalls.issue("SCRUM", "10001", "never created"));

    assertEquals(503, response.statusCode());
    assertEquals("text/html", response.getHeader("Content-Type"));
    assertEquals(html, response.bodyAsString());
    assertEquals("SCRUM-1", jira.createdKey(JiraCalls.issue("SCRUM", "10001", "created")));
  }

  @Test
  void delayWithoutStatus_answersNormallyAfterTheDelay() {
    sandbox.control(jiraControl().put("delayMs", 700));
    long started = System.nanoTime();

    HttpResponse<Buffer> response = myself();

    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertEquals(200, response.statusCode());
    assertTrue(elapsedMs >= 700, "answered after " + elapsedMs + " ms");
  }

  @Test
  void delayLongerThanClientTimeout_clientTimesOut() {
    sandbox.control(jiraControl().put("delayMs", 3000));

    Throwable failure =
        jira.call(HttpMethod.GET, "/rest/api/3/myself")
            .timeout(300)
            .send()
            .map(r -> (Throwable) null)
            .otherwise(e -> e)
            .await();

    assertTrue(failure != null && failure.getMessage().contains("timeout"), "" + failure);
  }

  @Test
  void control_unknownVendor_returns400NamingTheVendors() {
    WebClient client = WebClient.create(vertx);

    HttpResponse<Buffer> response =
        client
            .postAbs(sandbox.baseUrl() + "/_control")
            .sendJsonObject(new JsonObject().put("vendor", "servicenow").put("status", 500))
            .await();

    assertEquals(400, response.statusCode());
    assertTrue(response.bodyAsJsonObject().getString("error").contains("jira"));
  }

  @Test
  void control_failNextWithoutStatusOrDelay_returns400() {
    WebClient client = WebClient.create(vertx);

    HttpResponse<Buffer> response =
        client
            .postAbs(sandbox.baseUrl() + "/_control")
            .sendJsonObject(jiraControl().put("failNext", 3))
            .await();

    assertEquals(400, response.statusCode());
  }

  @Test
  void failNextOnAPath_otherPathsPass_andOnlyThatPathUsesItUp() {
    sandbox.control(
        jiraControl().put("failNext", 1).put("status", 500).put("path", "/rest/api/3/priority"));

    HttpResponse<Buffer> other = myself();
    HttpResponse<Buffer> failed = priorities();
    HttpResponse<Buffer> again = priorities();

    assertEquals(200, other.statusCode());
    assertEquals(500, failed.statusCode());
    assertEquals(200, again.statusCode());
  }

  @Test
  void control_pathNotStartingWithSlash_returns400() {
    WebClient client = WebClient.create(vertx);

    HttpResponse<Buffer> response =
        client
            .postAbs(sandbox.baseUrl() + "/_control")
            .sendJsonObject(jiraControl().put("status", 500).put("path", "rest/api/3/priority"))
            .await();

    assertEquals(400, response.statusCode());
    assertEquals("path must start with /", response.bodyAsJsonObject().getString("error"));
  }

  @Test
  void reset_afterSwitchAndIssue_clearsBoth() {
    jira.createdKey(JiraCalls.issue("SCRUM", "10001", "before reset"));
    sandbox.control(jiraControl().put("status", 500));

    sandbox.reset();

    assertEquals(200, myself().statusCode());
    assertEquals("SCRUM-1", jira.createdKey(JiraCalls.issue("SCRUM", "10001", "after reset")));
    assertEquals(2, sandbox.requests("jira").size());
  }

  private static JsonObject jiraControl() {
    return new JsonObject().put("vendor", "jira");
  }

  private static HttpResponse<Buffer> priorities() {
    return jira.call(HttpMethod.GET, "/rest/api/3/priority").send().await();
  }

  private static HttpResponse<Buffer> myself() {
    return jira.call(HttpMethod.GET, "/rest/api/3/myself").send().await();
  }
}
