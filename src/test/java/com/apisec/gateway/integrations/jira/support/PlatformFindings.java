package com.apisec.gateway.integrations.jira.support;

import com.apisec.gateway.store.DemoFindings;
import com.apisec.gateway.store.TestingIssueId;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's findings in a test node's store, one database per account as the platform keeps
 * them: the demo findings copied into a fresh account, generated findings, and the testing issues
 * read back to see the links the gateway wrote.
 */
public final class PlatformFindings {
  static final List<String> COLLECTIONS =
      List.of("testing_run_issues", "testing_run_result", "yaml_templates");

  private final Vertx vertx;
  private final String connectionString;

  PlatformFindings(Vertx vertx, String connectionString) {
    this.vertx = vertx;
    this.connectionString = connectionString;
  }

  /**
   * The demo findings copied into an account, as development mode loads them for 1000000 (without
   * any ticket link a test may have written there).
   */
  public List<TestingIssueId> copyDemo(long account) {
    MongoClient demo = database(DemoFindings.ACCOUNT);
    MongoClient target = database(account);
    for (String collection : COLLECTIONS) {
      List<JsonObject> docs = demo.find(collection, new JsonObject()).await();
      for (JsonObject doc : docs) {
        List.of(
                "jiraIssueUrl",
                "ticketSource",
                "ticketProjectKey",
                "ticketId",
                "ticketLastUpdatedAt")
            .forEach(doc::remove);
        target.save(collection, doc).await();
      }
    }
    demo.close();
    target.close();
    return DemoFindings.ids();
  }

  /** {@code count} findings of one test on distinct endpoints, each with a result. */
  public List<TestingIssueId> generate(long account, int count, String severity) {
    MongoClient db = database(account);
    List<Future<String>> writes = new ArrayList<>();
    List<TestingIssueId> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      TestingIssueId id =
          new TestingIssueId(
              2_222_222L,
              "https://shop.example.com/api/v2/items/" + i,
              i % 2 == 0 ? "GET" : "DELETE",
              "BOLA_ITEMS",
              "AUTOMATED_TESTING");
      ids.add(id);
      writes.add(db.save("testing_run_issues", issue(id, severity)));
      writes.add(db.save("testing_run_result", result(id, i)));
    }
    writes.add(db.save("yaml_templates", template()));
    Future.all(writes).await();
    db.close();
    return ids;
  }

  /** A testing issue as stored, with the link fields the gateway wrote; null if none. */
  public JsonObject issue(long account, TestingIssueId id) {
    MongoClient db = database(account);
    JsonObject doc = db.findOne("testing_run_issues", id.issueFilter(), null).await();
    db.close();
    return doc;
  }

  /** Sets a testing issue's Jira link, as the platform does when a ticket exists elsewhere. */
  public void link(long account, TestingIssueId id, String url) {
    MongoClient db = database(account);
    JsonObject set = new JsonObject().put("$set", new JsonObject().put("jiraIssueUrl", url));
    db.updateCollection("testing_run_issues", id.issueFilter(), set).await();
    db.close();
  }

  /**
   * Writes the account's settings document as the platform keeps it ({@code accounts_settings}, its
   * {@code _id} the account id as a 32-bit number) with these onboarding steps.
   */
  public void accountSettings(long account, JsonObject connectionSteps) {
    MongoClient db = database(account);
    JsonObject settings =
        new JsonObject()
            .put("_id", Math.toIntExact(account))
            .put("connectionIntegrationsInfo", connectionSteps);
    db.save("accounts_settings", settings).await();
    db.close();
  }

  private MongoClient database(long account) {
    JsonObject config =
        new JsonObject()
            .put("connection_string", connectionString)
            .put("db_name", Long.toString(account));
    return MongoClient.create(vertx, config);
  }

  private static JsonObject issue(TestingIssueId id, String severity) {
    return new JsonObject()
        .put("_id", id.toJson())
        .put("severity", severity)
        .put("testRunIssueStatus", "OPEN")
        .put("creationTime", 1_705_329_120L);
  }

  private static JsonObject result(TestingIssueId id, int index) {
    JsonObject original =
        new JsonObject()
            .put("method", id.method())
            .put("path", id.url().substring("https://shop.example.com".length()))
            .put("requestHeaders", "{\"host\":\"shop.example.com\"}")
            .put("responsePayload", "{\"item\":" + index + "}");
    JsonObject attempt = new JsonObject().put("originalMessage", original.encode());
    return new JsonObject()
        .put("_id", new JsonObject().put("$oid", String.format("66b6b6b6b6b6b6b6b6b6%04x", index)))
        .put("apiInfoKey", id.toJson().getJsonObject("apiInfoKey"))
        .put("testSubType", id.testSubCategory())
        .put("testResults", new JsonArray().add(attempt));
  }

  private static JsonObject template() {
    JsonObject info =
        new JsonObject()
            .put("name", "BOLA on items")
            .put("description", "Another user's item is returned.")
            .put("impact", "Any user can read any item.")
            .put("remediation", "Check the owner of the item.")
            .put("cwe", new JsonArray().add("CWE-639"));
    return new JsonObject().put("_id", "BOLA_ITEMS").put("info", info);
  }
}
