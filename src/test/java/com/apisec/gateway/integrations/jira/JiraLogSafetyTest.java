package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.apisec.gateway.integrations.jira.support.SandboxClient;
import com.apisec.gateway.integrations.jira.support.Seed;
import com.apisec.gateway.integrations.jira.support.TestGateway;
import com.apisec.gateway.sandbox.RequiresContracts;
import com.apisec.gateway.testing.LeakWatch;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Jira failing in every way the stand-in can: neither the logs nor the replies hold the token. */
@RequiresContracts
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class JiraLogSafetyTest {
  private static final String TOKEN = Seed.API_TOKEN;
  private static final String BASIC =
      Base64.getEncoder()
          .encodeToString((Seed.USER_EMAIL + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
  private static final String JSON = "application/json";
  private static final String PAT = LeakWatch.secret("NjE0ODc5MzE2NDQ2OlogSafetyDataCenterPat");
  private static TestGateway gateway;
  @TempDir static Path dir;

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final List<HttpResponse<Buffer>> replies = new ArrayList<>();
  private String jwt;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    gateway = TestGateway.start(vertx, dir, 2_000);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
  }

  @AfterEach
  void heldToTheContracts() {
    gateway.sandbox().assertNoViolations();
  }

  @BeforeEach
  void captureLogs() {
    captured.start();
    root().addAppender(captured);
    gateway.sandbox().reset();
    jwt = gateway.adminToken(TestGateway.newAccount());
  }

  @AfterEach
  void releaseLogs() {
    root().detachAppender(captured);
    captured.stop();
  }

  @Test
  void jiraFails401_400_503Html_noTokenInLogsOrReplies() {
    SandboxClient jira = gateway.sandbox();
    jira.failNext(1, 401, JSON, echo("token " + TOKEN + " is not valid"));
    call("jira/add", Seed.save());
    call("jira/add", Seed.save());
    jira.failNext(1, 400, JSON, echo("Basic " + BASIC + " cannot create"));
    call("createGeneralJiraTicket", Seed.ticket());
    jira.failNext(1, 503, "text/html", "<html><body>" + TOKEN + "</body></html>");
    call("createGeneralJiraTicket", Seed.ticket().put("threatEventId", "t-2"));
    jira.failNext(1, 400, JSON, echo("upload refused for " + TOKEN));

    call("attachFileToIssue", new JsonObject().put("issueId", "SCRUM-1").put("origReq", "x"));

    assertEquals(
        List.of(422, 200, 422, 422, 422), replies.stream().map(HttpResponse::statusCode).toList());
    assertTrue(reply(2).contains("[REDACTED] cannot create"), reply(2));
    for (HttpResponse<Buffer> reply : replies) {
      assertSecretFree("reply", reply.bodyAsString());
    }
    assertTrue(
        captured.list.stream().anyMatch(e -> e.getLevel() == Level.WARN),
        "expected the failures to be logged");
    for (ILoggingEvent event : captured.list) {
      assertSecretFree("log line", text(event));
    }
  }

  @Test
  void dataCenterFails401_400_503Html_noPersonalAccessTokenInLogsOrReplies() {
    SandboxClient dc = gateway.sandbox().vendor("jira-dc");
    JsonObject save =
        new JsonObject()
            .put("baseUrl", TestGateway.DC_BASE_URL)
            .put("apiToken", PAT)
            .put("jiraType", "DATA_CENTER")
            .put("projectMappings", new JsonObject().put("SCRUM", new JsonObject()));
    dc.failNext(1, 401, JSON, echo("token " + PAT + " is not valid"));
    call("jira/add", save);
    call("testIntegration", save.copy().put("projId", "SCRUM"));
    call("jira/add", save);
    dc.failNext(1, 400, JSON, echo("Bearer " + PAT + " cannot create"));
    call("createGeneralJiraTicket", Seed.ticket());
    dc.failNext(1, 503, "text/html", "<html><body>" + PAT + "</body></html>");
    call("createGeneralJiraTicket", Seed.ticket().put("threatEventId", "t-2"));
    dc.failNext(3, 500, JSON, echo("priorities for " + PAT + " failed"));

    call("jira/fetchPriorities", new JsonObject());

    assertEquals(
        List.of(422, 200, 200, 422, 422, 422),
        replies.stream().map(HttpResponse::statusCode).toList());
    assertTrue(reply(3).contains("Bearer [REDACTED] cannot create"), reply(3));
    for (HttpResponse<Buffer> reply : replies) {
      assertFalse(
          reply.bodyAsString().contains(PAT), "reply holds the PAT: " + reply.bodyAsString());
    }
    for (ILoggingEvent event : captured.list) {
      assertFalse(text(event).contains(PAT), "log line holds the PAT: " + text(event));
    }
  }

  private void call(String operation, JsonObject body) {
    replies.add(gateway.post(operation, jwt, body));
  }

  private String reply(int index) {
    return replies.get(index).bodyAsString();
  }

  private static String echo(String message) {
    return new JsonObject()
        .put("errorMessages", new JsonArray().add(message))
        .put("errors", new JsonObject())
        .encode();
  }

  private static void assertSecretFree(String what, String text) {
    assertFalse(text.contains(TOKEN), what + " holds the token: " + text);
    assertFalse(text.contains(BASIC), what + " holds the Basic credentials: " + text);
  }

  private static String text(ILoggingEvent event) {
    String throwable =
        event.getThrowableProxy() == null
            ? ""
            : ThrowableProxyUtil.asString(event.getThrowableProxy());
    return event.getFormattedMessage() + throwable;
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
