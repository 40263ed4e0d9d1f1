package com.apisec.gateway.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads the platform's own findings: one database per account, named by the account id, all through
 * one client and connection pool (a vertx-mongo-client instance is bound to one database, so this
 * uses the driver it wraps). Writes back only the ticket link of a testing issue.
 */
public final class PlatformStore implements AutoCloseable {
  static final String ISSUES = "testing_run_issues";
  static final String RESULTS = "testing_run_result";
  static final String TEMPLATES = "yaml_templates";
  static final String COMMON = "common";
  static final String REMEDIATIONS = "remediations";
  static final String REMEDIATION_PREFIX = "tests-library-master/remediation/";
  static final String ACCOUNT_SETTINGS = "accounts_settings";
  static final String CONNECTION_STEPS = "connectionIntegrationsInfo";

  private final Vertx vertx;
  private final MongoClient client;

  public PlatformStore(Vertx vertx, String connectionString) {
    this.vertx = vertx;
    this.client = MongoClients.create(connectionString);
  }

  MongoDatabase database(long accountId) {
    return client.getDatabase(Long.toString(accountId));
  }

  /** The finding with its latest result and template, or null when the issue does not exist. */
  public Future<Finding> finding(long accountId, TestingIssueId id) {
    MongoDatabase db = database(accountId);
    return Publishers.first(vertx, db.getCollection(ISSUES).find(filter(id.issueFilter())))
        .compose(issue -> issue == null ? Future.succeededFuture(null) : complete(db, id, issue));
  }

  private Future<Finding> complete(MongoDatabase db, TestingIssueId id, Document issue) {
    Future<Document> result =
        Publishers.first(vertx, db.getCollection(RESULTS).find(filter(id.resultFilter())));
    Future<Document> template =
        Publishers.first(
            vertx, db.getCollection(TEMPLATES).find(Filters.eq("_id", id.testSubCategory())));
    Future<JsonObject> withRemediation =
        template.compose(doc -> withRemediation(id.testSubCategory(), json(doc)));
    return Future.all(result, withRemediation)
        .map(all -> toFinding(id, json(issue), json(result.result()), withRemediation.result()));
  }

  /**
   * The template, its remediation filled from the platform's shared library ({@code
   * common.remediations}) when the template itself has none.
   */
  private Future<JsonObject> withRemediation(String testSubCategory, JsonObject template) {
    JsonObject info = template == null ? null : template.getJsonObject("info");
    if (info != null && !info.getString("remediation", "").isBlank()) {
      return Future.succeededFuture(template);
    }
    String id = REMEDIATION_PREFIX + testSubCategory + ".md";
    var find = client.getDatabase(COMMON).getCollection(REMEDIATIONS).find(Filters.eq("_id", id));
    return Publishers.first(vertx, find)
        .map(doc -> doc == null ? template : fill(template, doc.getString("remediationText")));
  }

  private static JsonObject fill(JsonObject template, String remediation) {
    if (remediation == null || remediation.isBlank()) {
      return template;
    }
    JsonObject out = template == null ? new JsonObject() : template.copy();
    JsonObject info = out.getJsonObject("info", new JsonObject());
    return out.put("info", info.put("remediation", remediation));
  }

  /**
   * What the platform's account settings record of the onboarding steps ({@code
   * connectionIntegrationsInfo}: per step, {@code lastSkipped} and {@code integrated} where a
   * service set it); an empty object when there is none.
   */
  public Future<JsonObject> connectionSteps(long accountId) {
    var find =
        database(accountId)
            .getCollection(ACCOUNT_SETTINGS)
            .find(Filters.eq("_id", accountId))
            .projection(Projections.include(CONNECTION_STEPS));
    return Publishers.first(vertx, find).map(PlatformStore::connectionSteps);
  }

  private static JsonObject connectionSteps(Document settings) {
    JsonObject json = json(settings);
    Object steps = json == null ? null : json.getValue(CONNECTION_STEPS);
    return steps instanceof JsonObject map ? map : new JsonObject();
  }

  /** Records a ticket on the testing issue, as the dashboard expects to find it. */
  public Future<Void> linkTicket(long accountId, TestingIssueId id, TicketLink link) {
    List<Bson> updates =
        List.of(
            Updates.set(link.urlField(), link.url()),
            Updates.set("ticketSource", link.source()),
            Updates.set("ticketProjectKey", link.project()),
            Updates.set("ticketId", link.key()),
            Updates.set("ticketLastUpdatedAt", System.currentTimeMillis() / 1000));
    var update =
        database(accountId)
            .getCollection(ISSUES)
            .updateOne(filter(id.issueFilter()), Updates.combine(updates));
    return Publishers.first(vertx, update).mapEmpty();
  }

  /** Where a ticket is recorded on a testing issue. */
  public record TicketLink(
      String urlField, String url, String source, String project, String key) {}

  private static Finding toFinding(
      TestingIssueId id, JsonObject issue, JsonObject result, JsonObject template) {
    JsonObject last = lastTestResult(result);
    return new Finding(
        id,
        issue.getString("severity", "HIGH"),
        issue.getString("testRunIssueStatus", "OPEN"),
        number(issue.getValue("creationTime")),
        number(issue.getValue(issue.containsKey("lastUpdated") ? "lastUpdated" : "lastSeen")),
        issue.getString("ignoreReason"),
        issue.getString("jiraIssueUrl"),
        result == null ? null : objectId(result.getValue("_id")),
        last.getString("originalMessage"),
        last.getString("message"),
        Finding.Template.from(template == null ? null : template.getJsonObject("info")));
  }

  private static JsonObject lastTestResult(JsonObject result) {
    JsonArray results = result == null ? null : result.getJsonArray("testResults");
    if (results == null || results.isEmpty()) {
      return new JsonObject();
    }
    Object last = results.getValue(results.size() - 1);
    return last instanceof JsonObject json ? json : new JsonObject();
  }

  private static long number(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof JsonObject json && json.containsKey("$numberLong")) {
      return Long.parseLong(json.getString("$numberLong"));
    }
    return 0;
  }

  private static String objectId(Object value) {
    if (value instanceof JsonObject json && json.containsKey("$oid")) {
      return json.getString("$oid");
    }
    return value == null ? null : value.toString();
  }

  private static JsonObject json(Document document) {
    return document == null ? null : new JsonObject(document.toJson());
  }

  static Bson filter(JsonObject conditions) {
    return Document.parse(conditions.encode());
  }

  @Override
  public void close() {
    client.close();
  }
}
