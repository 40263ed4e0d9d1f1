package com.apisec.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.core.Addresses;
import com.apisec.gateway.core.BusOperation;
import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.core.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class HttpApiVerticleTest {
  private static final long ACCOUNT = 1_000_000L;

  @TempDir Path dataDir;
  private Vertx vertx;
  private WebClient client;
  private int port;

  @BeforeEach
  void deploy(Vertx vertx) throws Exception {
    this.vertx = vertx;
    port = TestApi.deploy(vertx, dataDir, new JsonObject().put("bodyLimitBytes", 2048));
    client = WebClient.create(vertx);
    BusOperation.serve(
        vertx.eventBus(),
        Addresses.JIRA_FETCH,
        request -> Future.succeededFuture(request.toJson()));
    BusOperation.serve(
        vertx.eventBus(),
        Addresses.JIRA_ADD,
        request -> Future.failedFuture(GatewayException.invalid("baseUrl is required")));
    BusOperation.serve(
        vertx.eventBus(),
        Addresses.JIRA_DELETE,
        request -> Future.failedFuture(new IllegalStateException("boom at secret place")));
  }

  @Test
  void request_withoutToken_returns401WithChallenge() {
    HttpResponse<Buffer> response = post("fetchIntegration", null, "{}");

    assertEquals(401, response.statusCode());
    assertEquals("Bearer", response.getHeader("WWW-Authenticate"));
    assertEquals("Unauthorized", errors(response));
  }

  @Test
  void request_withBadTokens_returns401() {
    JsonObject claims = Tokens.claims(ACCOUNT, "ADMIN", "READ_WRITE", "READ_WRITE");
    List<String> bad =
        List.of(
            "not-a-jwt",
            Tokens.sign(vertx, "another-secret-0123456789abcdef0123456789", claims, 600),
            Tokens.expired(vertx, claims),
            Tokens.unsigned(ACCOUNT),
            Tokens.sign(vertx, TestConfigs.JWT_SECRET, claims.copy().put("accountId", "abc"), 600),
            Tokens.sign(vertx, TestConfigs.JWT_SECRET, without(claims, "accountId"), 600));

    for (String token : bad) {
      HttpResponse<Buffer> response = post("fetchIntegration", token, "{}");

      assertEquals(401, response.statusCode(), "token should be refused: #" + bad.indexOf(token));
    }
  }

  @Test
  void request_withDashboardHeaderAndStringAccount_reachesOperationWithAccount() {
    JsonObject claims = Tokens.claims(ACCOUNT, "MEMBER", "READ", "READ_WRITE");
    String token =
        Tokens.sign(vertx, TestConfigs.JWT_SECRET, claims.put("accountId", "1000000"), 600);

    HttpResponse<Buffer> response =
        client
            .post(port, "127.0.0.1", "/api/fetchIntegration")
            .putHeader("access-token", token)
            .sendBuffer(Buffer.buffer("{\"x\":1}"))
            .await();

    assertEquals(200, response.statusCode());
    JsonObject envelope = response.bodyAsJsonObject();
    assertEquals(ACCOUNT, envelope.getLong("accountId"));
    assertEquals(1, envelope.getJsonObject("body").getInteger("x"));
  }

  @Test
  void request_roleWithoutPermission_returns403NamingRole() {
    String guest =
        Tokens.sign(
            vertx, TestConfigs.JWT_SECRET, Tokens.claims(ACCOUNT, "GUEST", "READ", "READ"), 600);
    String none =
        Tokens.sign(vertx, TestConfigs.JWT_SECRET, Tokens.claims(ACCOUNT, "ODD", null, null), 600);

    HttpResponse<Buffer> write = post("jira/add", guest, "{}");
    HttpResponse<Buffer> read = post("fetchIntegration", none, "{}");

    assertEquals(403, write.statusCode());
    assertEquals("The role 'GUEST' does not have access.", errors(write));
    assertEquals(403, read.statusCode());
  }

  @Test
  void request_unknownOperation_returns404() {
    HttpResponse<Buffer> response = post("noSuchThing", Tokens.admin(vertx, ACCOUNT), "{}");

    assertEquals(404, response.statusCode());
    assertEquals("Not found", errors(response));
  }

  @Test
  void request_malformedBodies_return422AndEmptyBodyIsAnEmptyObject() {
    String token = Tokens.admin(vertx, ACCOUNT);

    HttpResponse<Buffer> invalid = post("fetchIntegration", token, "{not json");
    HttpResponse<Buffer> array = post("fetchIntegration", token, "[1,2]");
    HttpResponse<Buffer> scalar = post("fetchIntegration", token, "42");
    HttpResponse<Buffer> empty = post("fetchIntegration", token, "");

    assertEquals(422, invalid.statusCode());
    assertEquals("request body must be a JSON object", errors(invalid));
    assertEquals(422, array.statusCode());
    assertEquals(422, scalar.statusCode());
    assertEquals(200, empty.statusCode());
    assertEquals(new JsonObject(), empty.bodyAsJsonObject().getJsonObject("body"));
  }

  @Test
  void request_objectNestedBeyondTheParsersLimit_returns422SayingSo() {
    String deep = "{\"a\":" + "[".repeat(1_010) + "]".repeat(1_010) + "}";

    HttpResponse<Buffer> response = post("fetchIntegration", Tokens.admin(vertx, ACCOUNT), deep);

    assertEquals(422, response.statusCode());
    assertEquals("request body is nested too deeply", errors(response));
  }

  @Test
  void request_overBodyLimit_returns413() {
    String big = "{\"a\":\"" + "x".repeat(4096) + "\"}";

    HttpResponse<Buffer> response = post("fetchIntegration", Tokens.admin(vertx, ACCOUNT), big);

    assertEquals(413, response.statusCode());
    assertTrue(errors(response).contains("2048"));
  }

  @Test
  void operation_failures_mapToStatusesWithoutDetail() {
    String token = Tokens.admin(vertx, ACCOUNT);

    HttpResponse<Buffer> invalid = post("jira/add", token, "{}");
    HttpResponse<Buffer> bug = post("jira/delete", token, "{}");
    HttpResponse<Buffer> unserved = post("attachFileToIssue", token, "{}");

    assertEquals(422, invalid.statusCode());
    assertEquals("baseUrl is required", errors(invalid));
    assertEquals(500, bug.statusCode());
    assertEquals("Internal error", errors(bug));
    assertNotNull(bug.bodyAsJsonObject().getString("reference"));
    assertFalse(bug.bodyAsString().contains("boom"));
    assertEquals(503, unserved.statusCode());
  }

  @Test
  void metrics_afterRequests_countThemPerOperationAndStatus() {
    post("fetchIntegration", Tokens.admin(vertx, ACCOUNT), "{}");
    post("jira/add", Tokens.admin(vertx, ACCOUNT), "{}");

    String text = client.get(port, "127.0.0.1", "/metrics").send().await().bodyAsString();

    assertTrue(
        text.contains(
            "gateway_requests_seconds_count{operation=\"fetchIntegration\"," + "status=\"200\"}"),
        text);
    assertTrue(text.contains("operation=\"jira/add\",status=\"422\""), text);
    assertTrue(text.contains("jvm_memory_used_bytes"));
    assertTrue(text.contains("gateway_cluster_members 1.0"), text);
  }

  private HttpResponse<Buffer> post(String operation, String token, String body) {
    var request = client.post(port, "127.0.0.1", "/api/" + operation);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return request.sendBuffer(Buffer.buffer(body)).await();
  }

  private static String errors(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonArray("actionErrors").getString(0);
  }

  private static JsonObject without(JsonObject json, String key) {
    JsonObject copy = json.copy();
    copy.remove(key);
    return copy;
  }
}
