package com.apisec.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
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
class JiraAuthTest {
  private static final String UNAUTHENTICATED =
      "Client must be authenticated to access this resource.";

  private static SandboxFixture sandbox;
  private static JiraCalls jira;

  @BeforeAll
  static void startSandbox(Vertx vertx) {
    sandbox = SandboxFixture.start(vertx, List.of());
    jira = new JiraCalls(sandbox);
  }

  @AfterEach
  void resetSandbox() {
    sandbox.reset();
  }

  @Test
  void myself_validBasicCredentials_returnsUserWithCallerEmail() {
    HttpResponse<Buffer> response = jira.call(HttpMethod.GET, "/rest/api/3/myself").send().await();

    assertEquals(200, response.statusCode());
    JsonObject user = response.bodyAsJsonObject();
    assertEquals(JiraCalls.EMAIL, user.getString("emailAddress"));
    assertNotNull(user.getString("accountId"));
  }

  @Test
  void createIssue_revokedToken_returns401WithJiraText() {
    HttpRequest<Buffer> request =
        jira.call(HttpMethod.POST, "/rest/api/3/issue")
            .putHeader("Authorization", JiraCalls.basic(JiraCalls.EMAIL, "invalid-token"));

    HttpResponse<Buffer> response =
        request.sendJsonObject(JiraCalls.issue("SCRUM", "10001", "x")).await();

    assertEquals(401, response.statusCode());
    assertEquals(UNAUTHENTICATED, response.bodyAsString());
  }

  @Test
  void myself_noAuthorizationHeader_returns401() {
    HttpRequest<Buffer> request = jira.call(HttpMethod.GET, "/rest/api/3/myself");
    request.headers().remove("Authorization");

    HttpResponse<Buffer> response = request.send().await();

    assertEquals(401, response.statusCode());
    assertEquals(UNAUTHENTICATED, response.bodyAsString());
  }

  @Test
  void myself_basicValueNotBase64_returns401() {
    HttpRequest<Buffer> request =
        jira.call(HttpMethod.GET, "/rest/api/3/myself").putHeader("Authorization", "Basic %%%");

    HttpResponse<Buffer> response = request.send().await();

    assertEquals(401, response.statusCode());
  }

  @Test
  void myself_bearerTokenOnCloud_returns401() {
    HttpRequest<Buffer> request =
        jira.call(HttpMethod.GET, "/rest/api/3/myself")
            .putHeader("Authorization", "Bearer some-personal-access-token");

    HttpResponse<Buffer> response = request.send().await();

    assertEquals(401, response.statusCode());
  }

  @Test
  void myself_basicWithoutToken_returns401() {
    HttpRequest<Buffer> request =
        jira.call(HttpMethod.GET, "/rest/api/3/myself")
            .putHeader("Authorization", JiraCalls.basic(JiraCalls.EMAIL, ""));

    HttpResponse<Buffer> response = request.send().await();

    assertEquals(401, response.statusCode());
  }
}
