package com.apisec.gateway.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.api.Operation;
import com.apisec.gateway.api.Operation.Access;
import com.apisec.gateway.api.Operations;
import com.apisec.gateway.integrations.jira.support.TestGateway;
import com.apisec.gateway.testing.OpenApiExamples;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * For every operation of the route table: no token, an expired token, a wrong signature, {@code
 * alg: none}, a role without the feature, and READ where READ_WRITE is needed are refused before
 * anything runs; the operation's own permission is enough to get past the checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class PermissionsTest {
  private Vertx vertx;
  private TestGateway gateway;
  private WebClient web;
  private long account;

  @BeforeAll
  void start() throws Exception {
    vertx = Vertx.vertx();
    gateway = TestGateway.start(vertx, Files.createTempDirectory("permissions"), 2_000);
    web = WebClient.create(vertx);
    account = TestGateway.newAccount();
  }

  @AfterAll
  void stop() throws Exception {
    gateway.close();
  }

  @TestFactory
  Stream<DynamicTest> everyOperation_badTokensAndMissingPermissions_areRefused() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Operation op : Operations.all()) {
      tests.add(refused(op, "no token", null, 401));
      tests.add(refused(op, "not a JWT", "not.a.token", 401));
      tests.add(refused(op, "alg none", unsigned(account), 401));
      tests.add(refused(op, "wrong signature", tampered(gateway.adminToken(account)), 401));
      tests.add(refused(op, "no account", withoutAccount(), 401));
      tests.add(refused(op, "expired", expired(), 401));
      tests.add(refused(op, "feature missing", token(op, null), 403));
      tests.add(refused(op, "NO_ACCESS", token(op, "NO_ACCESS"), 403));
      if (op.access() == Access.READ_WRITE) {
        tests.add(refused(op, "READ for READ_WRITE", token(op, "READ"), 403));
      }
      tests.add(DynamicTest.dynamicTest(op.name() + ": own permission passes", () -> passes(op)));
    }
    return tests.stream();
  }

  private DynamicTest refused(Operation op, String name, String token, int status) {
    return DynamicTest.dynamicTest(
        op.name() + ": " + name,
        () -> {
          HttpResponse<Buffer> response = post(op, token);

          assertEquals(status, response.statusCode(), response.bodyAsString());
          String message = response.bodyAsJsonObject().getJsonArray("actionErrors").getString(0);
          if (status == 401) {
            assertEquals("Unauthorized", message);
            assertEquals("Bearer", response.getHeader("WWW-Authenticate"));
          } else {
            assertTrue(message.endsWith("does not have access."), message);
          }
        });
  }

  private void passes(Operation op) {
    String token = token(op, op.access().name());

    HttpResponse<Buffer> response = post(op, token);

    assertFalse(
        response.statusCode() == 401 || response.statusCode() == 403, response.bodyAsString());
  }

  /** A token with exactly the given level on the operation's feature and nothing else. */
  private String token(Operation op, String level) {
    String integrations = op.feature() == Operation.Feature.INTEGRATIONS ? level : null;
    String issues = op.feature() == Operation.Feature.ISSUES ? level : null;
    String other = "NO_ACCESS";
    return gateway.token(
        account,
        "TESTER",
        integrations == null ? other : integrations,
        issues == null ? other : issues);
  }

  private HttpResponse<Buffer> post(Operation op, String token) {
    JsonObject example = OpenApiExamples.example(op.name());
    var request = web.post(gateway.httpPort(), "127.0.0.1", "/api/" + op.name());
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return request.sendJsonObject(example).await();
  }

  private String expired() {
    long now = System.currentTimeMillis() / 1000;
    JsonObject claims =
        new JsonObject()
            .put("accountId", account)
            .put("role", "ADMIN")
            .put("iat", now - 120)
            .put("exp", now - 60)
            .put(
                "permissions",
                new JsonObject().put("INTEGRATIONS", "READ_WRITE").put("ISSUES", "READ_WRITE"));
    return gateway.sign(claims);
  }

  private String withoutAccount() {
    String token = gateway.adminToken(account);
    String[] parts = token.split("\\.");
    JsonObject claims = new JsonObject(decode(parts[1]));
    claims.remove("accountId");
    return parts[0] + "." + encode(claims.encode()) + "." + parts[2];
  }

  private static String tampered(String token) {
    String[] parts = token.split("\\.");
    JsonObject claims = new JsonObject(decode(parts[1])).put("accountId", 999);
    return parts[0] + "." + encode(claims.encode()) + "." + parts[2];
  }

  private static String unsigned(long account) {
    JsonObject claims =
        new JsonObject()
            .put("accountId", account)
            .put("role", "ADMIN")
            .put(
                "permissions",
                new JsonObject().put("INTEGRATIONS", "READ_WRITE").put("ISSUES", "READ_WRITE"));
    return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims.encode()) + ".";
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }
}
