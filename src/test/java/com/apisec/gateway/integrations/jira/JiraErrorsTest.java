package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.outbound.OutboundException;
import com.apisec.gateway.outbound.OutboundException.Kind;
import com.apisec.gateway.outbound.OutboundResponse;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class JiraErrorsTest {
  private static final JiraCredentials CREDENTIALS =
      new JiraCredentials(
          "https://example-org.atlassian.net",
          "a@example.com",
          "tok-123-secret",
          JiraDeployment.CLOUD);

  @Test
  void describe_fieldError_namesFieldWithJirasText() {
    JsonObject body =
        new JsonObject()
            .put("errorMessages", new JsonArray())
            .put(
                "errors",
                new JsonObject()
                    .put("description", "Operation value must be an Atlassian Document"));

    String message = JiraErrors.describe(response(400, body.encode()), CREDENTIALS);

    assertEquals(
        "Jira returned 400: description: Operation value must be an Atlassian Document", message);
  }

  @Test
  void describe_messagesAndFieldErrors_allKeptInOrder() {
    JsonObject body =
        new JsonObject()
            .put("errorMessages", new JsonArray().add("Issue does not exist").add(""))
            .put("errors", new JsonObject().put("project", "project is required"));

    String message = JiraErrors.describe(response(404, body.encode()), CREDENTIALS);

    assertEquals("Jira returned 404: Issue does not exist; project: project is required", message);
  }

  @Test
  void describe_htmlErrorPage_givesCleanMessageThatPointsAtTheAddress() {
    String html = "<html><body><h1>503 Service Unavailable</h1></body></html>";

    String message = JiraErrors.describe(response(503, html), CREDENTIALS);

    assertEquals(
        "Jira returned 503 with an HTML page instead of JSON; check that baseUrl is the Jira site",
        message);
  }

  @Test
  void describe_plainTextError_saysItIsNotJson() {
    String message = JiraErrors.describe(response(502, "upstream connect error"), CREDENTIALS);

    assertEquals("Jira returned 502 with a non-JSON body", message);
  }

  @Test
  void describe_unauthorized_saysCredentialsWereRejected() {
    String message = JiraErrors.describe(response(401, "{\"errorMessages\":[\"x\"]}"), CREDENTIALS);

    assertEquals("Jira rejected the credentials (401)", message);
  }

  @Test
  void describe_jiraEchoesTheToken_tokenAndBasicValueRemoved() {
    JsonObject body =
        new JsonObject()
            .put(
                "errorMessages",
                new JsonArray()
                    .add(
                        "bad token tok-123-secret in Basic "
                            + CREDENTIALS.basicValue()
                            + "\nline two"));

    String message = JiraErrors.describe(response(400, body.encode()), CREDENTIALS);

    assertFalse(message.contains("tok-123-secret"), message);
    assertFalse(message.contains(CREDENTIALS.basicValue()), message);
    assertFalse(message.contains("\n"), message);
    assertTrue(message.contains("[REDACTED]"), message);
  }

  @Test
  void describe_oneLetterToken_leavesWordsThatHoldTheLetterAlone() {
    JiraCredentials shortToken = credentials("t");
    String jira = "No stand-in route for GET /rest/api/3/project/OPS; it is not there";

    String message = JiraErrors.describe(response(404, errors(jira)), shortToken);

    assertEquals("Jira returned 404: " + jira, message);
  }

  @Test
  void describe_shortTokenStandingAlone_isRedactedWherever_itStandsAlone() {
    JiraCredentials shortToken = credentials("x7Q");
    String jira = "x7Q was refused: token 'x7Q' (x7Q) ends x7Q";

    String message = JiraErrors.describe(response(400, errors(jira)), shortToken);

    assertEquals(
        "Jira returned 400: [REDACTED] was refused: token '[REDACTED]' ([REDACTED]) ends"
            + " [REDACTED]",
        message);
  }

  @Test
  void describe_shortTokenInsideAWord_isLeftInTheWord() {
    JiraCredentials shortToken = credentials("x7Q");

    String message = JiraErrors.describe(response(400, errors("ax7Qb and x7Q9")), shortToken);

    assertEquals("Jira returned 400: ax7Qb and x7Q9", message);
  }

  @Test
  void describe_longTokenInsideWordsAndEncoded_isRedactedEverywhere() {
    JiraCredentials longToken = credentials("Ab3+9/zQ==");
    String jira =
        "keyAb3+9/zQ==end, in a query token=Ab3%2B9%2FzQ%3D%3D&x=1, and Basic "
            + longToken.basicValue()
            + "!";

    String message = JiraErrors.describe(response(400, errors(jira)), longToken);

    assertEquals(
        "Jira returned 400: key[REDACTED]end, in a query token=[REDACTED]&x=1, and Basic"
            + " [REDACTED]!",
        message);
  }

  @Test
  void describe_shortTokenThatIsOneOfOurWords_leavesOurWordsAlone() {
    JiraCredentials shortToken = credentials("Jira");

    String message = JiraErrors.describe(response(400, errors("Jira said no")), shortToken);

    assertEquals("Jira returned 400: [REDACTED] said no", message);
  }

  @Test
  void describe_longTokenInOtherSpellings_isRedactedInEach() {
    String token = "Sup3r+Secr/t=Tok?n&x%41 yz"; // the Basic value ends in padding
    JiraCredentials longToken = credentials(token);
    String basic = longToken.basicValue();
    String jira =
        String.join(
            " | ",
            "lower hex Sup3r%2bSecr%2ft%3dTok%3fn%26x%2541+yz",
            "path Sup3r%2BSecr/t%3DTok%3Fn%26x%2541%20yz",
            "upper SUP3R+SECR/T=TOK?N&X%41 YZ",
            "unpadded " + basic.replace("=", "") + ".");

    String message = JiraErrors.describe(response(400, errors(jira)), longToken);

    assertTrue(basic.endsWith("=="), basic);
    assertEquals(
        "Jira returned 400: lower hex [REDACTED] | path [REDACTED] | upper [REDACTED] | unpadded"
            + " [REDACTED].",
        message);
  }

  @Test
  void describe_rateLimited_saysWhenToRetry() {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Retry-After", "120");
    OutboundResponse response = new OutboundResponse(429, headers, Buffer.buffer());

    String message = JiraErrors.describe(response, CREDENTIALS);

    assertEquals("Jira is rate limiting requests (429); retry after 120 s", message);
  }

  @Test
  void unreachable_refusedDestination_namesBaseUrl() {
    OutboundException refused =
        new OutboundException(Kind.REFUSED, "host x.invalid does not resolve");

    GatewayException e = JiraErrors.unreachable(refused);

    assertEquals(422, e.status());
    assertEquals("baseUrl cannot be used: host x.invalid does not resolve", e.getMessage());
  }

  @Test
  void credentials_toString_hidesToken() {
    assertFalse(CREDENTIALS.toString().contains("tok-123-secret"));
  }

  private static JiraCredentials credentials(String token) {
    return new JiraCredentials(
        "https://example-org.atlassian.net", "a@example.com", token, JiraDeployment.CLOUD);
  }

  private static String errors(String message) {
    return new JsonObject().put("errorMessages", new JsonArray().add(message)).encode();
  }

  private static OutboundResponse response(int status, String body) {
    return new OutboundResponse(status, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer(body));
  }
}
