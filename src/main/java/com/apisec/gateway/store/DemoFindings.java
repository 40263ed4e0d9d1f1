package com.apisec.gateway.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Demo findings for development mode, in the platform's own collections of account 1000000, so the
 * {@code createJiraIssue} flow can be tried from the README. {@code docs/demo-findings.md} lists
 * them. Loading them twice changes nothing: a document already there is left as it is.
 */
public final class DemoFindings {
  public static final long ACCOUNT = 1_000_000L;
  static final String HOST = "https://api.example.com";

  private DemoFindings() {}

  /** The demo testing issues' ids, in the order the docs list them. */
  public static List<TestingIssueId> ids() {
    return List.of(
        new TestingIssueId(
            1_111_111_111L,
            HOST + "/api/v1/users/42",
            "GET",
            "REPLACE_AUTH_TOKEN",
            "AUTOMATED_TESTING"),
        new TestingIssueId(
            1_111_111_111L, HOST + "/api/v1/orders", "POST", "JWT_NONE_ALGO", "AUTOMATED_TESTING"),
        new TestingIssueId(
            1_111_111_111L, HOST + "/api/v1/search", "GET", "NOSQL_INJECTION", "RUNTIME"));
  }

  public static Future<Void> load(Vertx vertx, PlatformStore store) {
    var db = store.database(ACCOUNT);
    List<Future<?>> writes = new ArrayList<>();
    List<TestingIssueId> ids = ids();
    String[] severities = {"HIGH", "CRITICAL", "MEDIUM"};
    for (int i = 0; i < ids.size(); i++) {
      TestingIssueId id = ids.get(i);
      writes.add(
          insertIfAbsent(vertx, db.getCollection(PlatformStore.ISSUES), issue(id, severities[i])));
      writes.add(insertIfAbsent(vertx, db.getCollection(PlatformStore.RESULTS), result(id, i)));
      writes.add(insertIfAbsent(vertx, db.getCollection(PlatformStore.TEMPLATES), template(id)));
    }
    return Future.all(writes).mapEmpty();
  }

  /**
   * Inserts the document unless one with its id exists: another node, or an earlier start, loaded
   * it. Not an upsert: the embedded store orders embedded-document ids by their Java-serialised
   * bytes, and an upsert keeps a copy of the id whose bytes differ from the same id read back from
   * the file. Once one of its pages has been read back, a lookup by that id misses the document (a
   * replace-upsert then fails on the unique index with E11000) and an update of it, such as a
   * ticket link, writes a second copy. An inserted id has the same bytes before and after the round
   * trip, and the insert's duplicate check compares normalised keys.
   */
  private static Future<Void> insertIfAbsent(
      Vertx vertx,
      com.mongodb.reactivestreams.client.MongoCollection<Document> collection,
      Document doc) {
    return Publishers.first(vertx, collection.insertOne(doc))
        .<Void>mapEmpty()
        .recover(e -> isDuplicate(e) ? Future.succeededFuture() : Future.failedFuture(e));
  }

  private static boolean isDuplicate(Throwable e) {
    return e instanceof MongoWriteException write
        && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }

  private static Document issue(TestingIssueId id, String severity) {
    return new Document("_id", Document.parse(id.toJson().encode()))
        .append("severity", severity)
        .append("testRunIssueStatus", "OPEN")
        .append("creationTime", 1_705_329_120L)
        .append("lastSeen", 1_705_329_120L);
  }

  private static Document result(TestingIssueId id, int index) {
    String path = id.url().substring(HOST.length());
    JsonObject original =
        new JsonObject()
            .put("method", id.method())
            .put("path", path)
            .put("type", "HTTP/1.1")
            .put(
                "requestHeaders",
                "{\"host\":\"api.example.com\",\"authorization\":\"Bearer user-a\"}")
            .put("requestPayload", id.method().equals("GET") ? "" : "{\"item\":\"book\"}")
            .put("statusCode", "200")
            .put("status", "OK")
            .put("responseHeaders", "{\"content-type\":\"application/json\"}")
            .put("responsePayload", "{\"id\":42,\"email\":\"a@example.com\"}");
    JsonObject test =
        new JsonObject()
            .put(
                "request",
                new JsonObject()
                    .put("url", id.url())
                    .put("method", id.method())
                    .put("headers", "{\"authorization\":\"Bearer user-b\"}")
                    .put("body", original.getString("requestPayload")))
            .put(
                "response",
                new JsonObject()
                    .put("statusCode", 200)
                    .put("headers", "{\"content-type\":\"application/json\"}")
                    .put("body", "{\"id\":42,\"email\":\"a@example.com\"}"));
    JsonObject attempt =
        new JsonObject().put("originalMessage", original.encode()).put("message", test.encode());
    JsonObject result =
        new JsonObject()
            .put(
                "_id",
                new JsonObject().put("$oid", String.format("65a5a5a5a5a5a5a5a5a5a5a%d", index)))
            .put("apiInfoKey", id.toJson().getJsonObject("apiInfoKey"))
            .put("testSubType", id.testSubCategory())
            .put("vulnerable", true)
            .put("testResults", new JsonArray().add(attempt));
    return Document.parse(result.encode());
  }

  private static Document template(TestingIssueId id) {
    JsonObject info = DemoTemplates.info(id.testSubCategory());
    return new Document("_id", id.testSubCategory()).append("info", Document.parse(info.encode()));
  }
}
