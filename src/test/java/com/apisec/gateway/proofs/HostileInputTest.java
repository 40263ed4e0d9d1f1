package com.apisec.gateway.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.api.Operation;
import com.apisec.gateway.api.Operations;
import com.apisec.gateway.integrations.jira.support.TestGateway;
import com.apisec.gateway.testing.LeakWatch;
import com.apisec.gateway.testing.OpenApiExamples;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Every operation of the route table gets hostile bodies, built from its OpenAPI example and
 * request schema. None may answer 5xx or show a stack; input the schema refuses gets a 4xx with the
 * error body and leaves the store exactly as it was. A new route is covered without more work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(600)
class HostileInputTest {
  private static final long LIMIT = 1_048_576;

  private Vertx vertx;
  private TestGateway gateway;
  private WebClient web;
  private long account;
  private String token;
  private Path dir;

  @BeforeAll
  void start() throws Exception {
    vertx = Vertx.vertx();
    dir = Files.createTempDirectory("hostile");
    gateway = TestGateway.start(vertx, dir, 2_000);
    web = WebClient.create(vertx);
    account = TestGateway.newAccount();
    token = gateway.adminToken(account);
    JsonObject save = example("jira/add");
    assertEquals(200, gateway.post("jira/add", token, save).statusCode());
  }

  @AfterAll
  void stop() throws Exception {
    gateway.close();
  }

  @TestFactory
  Stream<DynamicTest> everyOperation_hostileBodies_answerWithoutServerErrors() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Operation op : Operations.all()) {
      for (HostileBodies.Case hostile : HostileBodies.whole(LIMIT)) {
        tests.add(test(op, hostile, false));
      }
      JsonObject schema = schema(op.name());
      for (HostileBodies.Case hostile : HostileBodies.perField(example(op.name()), schema)) {
        tests.add(test(op, hostile, schemaAccepts(schema, hostile.body())));
      }
    }
    return tests.stream();
  }

  private DynamicTest test(Operation op, HostileBodies.Case hostile, boolean validInput) {
    String name = op.name() + ": " + hostile.name();
    return DynamicTest.dynamicTest(name, () -> check(op, hostile, validInput));
  }

  private void check(Operation op, HostileBodies.Case hostile, boolean validInput) {
    JsonObject before = validInput ? null : snapshot();

    HttpResponse<Buffer> response = send(op.name(), hostile.body());

    int status = response.statusCode();
    String text = response.bodyAsString();
    assertTrue(status < 500, "status " + status + ": " + clip(text));
    assertFalse(text != null && (text.contains("Exception") || text.contains("\tat ")), clip(text));
    assertNotNull(Json.decodeValue(text == null ? "null" : text), "body must be JSON");
    if (!validInput) {
      assertTrue(status >= 400, "input the schema refuses was accepted: " + clip(text));
      assertErrorBody(response);
      assertEquals(before, snapshot(), "the store changed on refused input");
    }
  }

  private static void assertErrorBody(HttpResponse<Buffer> response) {
    JsonArray errors = response.bodyAsJsonObject().getJsonArray("actionErrors");
    assertNotNull(errors, "4xx without actionErrors");
    assertFalse(errors.isEmpty());
    errors.forEach(message -> assertTrue(message instanceof String s && !s.isBlank()));
  }

  private HttpResponse<Buffer> send(String operation, Buffer body) {
    return web.post(gateway.httpPort(), "127.0.0.1", "/api/" + operation)
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(body)
        .onSuccess(response -> LeakWatch.response(response.bodyAsString()))
        .await();
  }

  private JsonObject snapshot() {
    return StoreSnapshot.take(
        vertx, gateway.storeUri(), List.of("gateway", Long.toString(account)));
  }

  private static boolean schemaAccepts(JsonObject schema, Buffer body) {
    return OpenApiExamples.validator(schema).validate(body.toJsonObject()).getValid();
  }

  private static JsonObject schema(String operation) {
    return OpenApiExamples.requestSchema(operation);
  }

  private static JsonObject example(String operation) {
    return OpenApiExamples.example(operation);
  }

  private static String clip(String text) {
    return text == null || text.length() < 300 ? text : text.substring(0, 300) + "...";
  }
}
