package com.apisec.gateway.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.api.OpenApiDocument;
import com.apisec.gateway.api.Operation;
import com.apisec.gateway.api.Operations;
import com.apisec.gateway.core.Addresses;
import com.apisec.gateway.integrations.jira.support.TestGateway;
import com.apisec.gateway.scheduler.JobKey;
import com.apisec.gateway.scheduler.JobSpec;
import com.apisec.gateway.scheduler.Scheduler;
import com.apisec.gateway.testing.OpenApiExamples;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Sends every operation's example over the event bus, as a sibling service would, and checks the
 * answer against the operation's documented reply; and holds {@code docs/event-bus.md} to the
 * address constants.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class EventBusExamplesTest {
  private final JsonObject document = OpenApiDocument.load();
  private Vertx vertx;
  private TestGateway gateway;
  private long account;

  @BeforeAll
  void start() throws Exception {
    vertx = Vertx.vertx();
    gateway = TestGateway.start(vertx, Files.createTempDirectory("bus"), 5_000);
    account = TestGateway.newAccount();
    gateway.findings().copyDemo(account);
    for (int i = 0; i < 42; i++) {
      gateway.sandbox().createDirectly(issue());
    }
  }

  @AfterAll
  void stop() throws Exception {
    gateway.close();
  }

  @TestFactory
  Stream<DynamicTest> everyAddress_documentedExample_getsTheDocumentedReply() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Operation op : Operations.all()) {
      tests.add(DynamicTest.dynamicTest(op.address(), () -> exampleAnswers(op)));
    }
    return tests.stream();
  }

  private void exampleAnswers(Operation op) {
    send(Addresses.JIRA_ADD, example("jira/add"));

    Message<Object> reply = send(op.address(), withOwnJob(example(op.name())));

    JsonObject schema = resolve(replySchema(op.name()));
    OutputUnit result = validator(schema).validate(reply.body());
    assertTrue(
        result.getValid(), op.address() + " replied " + reply.body() + ": " + result.getErrors());
  }

  @Test
  void eventBusDoc_namesEveryAddress() throws Exception {
    String doc = Files.readString(Path.of("docs/event-bus.md"));

    for (Field field : Addresses.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        String address = (String) field.get(null);
        assertTrue(doc.contains("`" + address + "`"), "docs/event-bus.md lacks " + address);
      }
    }
  }

  @Test
  void envelope_withoutAccount_failsWith422NamingIt() {
    Throwable failure =
        vertx
            .eventBus()
            .request(Addresses.JIRA_FETCH, new JsonObject().put("body", new JsonObject()))
            .cause();
    failure = failure != null ? failure : awaitFailure();

    assertEquals(422, ((io.vertx.core.eventbus.ReplyException) failure).failureCode());
    assertTrue(failure.getMessage().contains("accountId"));
  }

  private Throwable awaitFailure() {
    try {
      vertx
          .eventBus()
          .request(Addresses.JIRA_FETCH, new JsonObject().put("body", new JsonObject()))
          .await();
      return null;
    } catch (Exception e) {
      return e;
    }
  }

  /** A job operation's example names a job of the caller: one is saved for this account. */
  private JsonObject withOwnJob(JsonObject body) {
    if (!body.containsKey("jobId")) {
      return body;
    }
    JsonObject store =
        new JsonObject().put("connection_string", gateway.storeUri()).put("db_name", "gateway");
    JobKey key = new JobKey(account, "example", "");
    Scheduler.create(vertx, store).upsert(JobSpec.every(key, 3600, null)).await();
    return body.put("jobId", key.id());
  }

  private Message<Object> send(String address, JsonObject body) {
    JsonObject envelope =
        new JsonObject().put("accountId", account).put("user", "sibling").put("body", body);
    return vertx.eventBus().request(address, envelope).await();
  }

  private JsonObject replySchema(String operation) {
    return OpenApiDocument.operation(document, operation)
        .getJsonObject("responses")
        .getJsonObject("200")
        .getJsonObject("content")
        .getJsonObject("application/json")
        .getJsonObject("schema");
  }

  /** Inlines the document's {@code #/components/...} references. */
  private Object resolveValue(Object value) {
    if (value instanceof JsonObject json) {
      return resolve(json);
    }
    if (value instanceof JsonArray array) {
      JsonArray out = new JsonArray();
      array.forEach(item -> out.add(resolveValue(item)));
      return out;
    }
    return value;
  }

  private JsonObject resolve(JsonObject schema) {
    String ref = schema.getString("$ref");
    if (ref != null && ref.startsWith("#/")) {
      JsonObject target = document;
      for (String part : ref.substring(2).split("/")) {
        target = target.getJsonObject(part);
      }
      return resolve(target);
    }
    JsonObject out = new JsonObject();
    schema.forEach(entry -> out.put(entry.getKey(), resolveValue(entry.getValue())));
    return out;
  }

  private JsonObject example(String operation) {
    return OpenApiExamples.example(operation);
  }

  private static Validator validator(JsonObject schema) {
    return OpenApiExamples.validator(schema);
  }

  private static JsonObject issue() {
    JsonObject text = new JsonObject().put("type", "text").put("text", "filler");
    JsonObject paragraph =
        new JsonObject().put("type", "paragraph").put("content", new JsonArray().add(text));
    JsonObject description =
        new JsonObject()
            .put("type", "doc")
            .put("version", 1)
            .put("content", new JsonArray().add(paragraph));
    return new JsonObject()
        .put(
            "fields",
            new JsonObject()
                .put("project", new JsonObject().put("key", "SCRUM"))
                .put("issuetype", new JsonObject().put("id", "10001"))
                .put("summary", "filler")
                .put("description", description));
  }
}
