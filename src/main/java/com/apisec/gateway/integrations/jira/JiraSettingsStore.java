package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.store.Collections;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;

/**
 * The store side of the integration: one document per account in {@link
 * Collections#JIRA_INTEGRATIONS}, always found by its account id.
 */
final class JiraSettingsStore {
  private final MongoClient mongo;

  JiraSettingsStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  /** The account's integration, or null when it has none. */
  Future<JiraSettings> find(long accountId) {
    return mongo
        .findOne(Collections.JIRA_INTEGRATIONS, byAccount(accountId), null)
        .map(doc -> doc == null ? null : new JiraSettings(doc));
  }

  /** Applies {@code set} (dotted paths allowed), creating the document on the first save. */
  Future<JiraSettings> save(long accountId, JsonObject set, long nowSeconds) {
    JsonObject update =
        new JsonObject()
            .put("$set", set.copy().put("updatedTs", nowSeconds))
            .put("$setOnInsert", new JsonObject().put("createdTs", nowSeconds));
    return upsert(accountId, update)
        .recover(e -> isDuplicate(e) ? upsert(accountId, update) : Future.failedFuture(e))
        .map(JiraSettings::new);
  }

  private Future<JsonObject> upsert(long accountId, JsonObject update) {
    UpdateOptions options = new UpdateOptions().setUpsert(true).setReturningNewDocument(true);
    return mongo.findOneAndUpdateWithOptions(
        Collections.JIRA_INTEGRATIONS, byAccount(accountId), update, new FindOptions(), options);
  }

  /** Removes one project from both maps; true when the document was changed. */
  Future<Boolean> removeProject(long accountId, String projectKey, long nowSeconds) {
    JsonObject update =
        new JsonObject()
            .put(
                "$unset",
                new JsonObject()
                    .put("projectMappings." + projectKey, "")
                    .put("projectIdsMap." + projectKey, ""))
            .put("$set", new JsonObject().put("updatedTs", nowSeconds));
    return mongo
        .updateCollection(Collections.JIRA_INTEGRATIONS, byAccount(accountId), update)
        .map(result -> result != null && result.getDocModified() > 0);
  }

  private static JsonObject byAccount(long accountId) {
    return new JsonObject().put("accountId", accountId);
  }

  /** A concurrent first save won the unique index on the account: the retry updates its doc. */
  private static boolean isDuplicate(Throwable e) {
    return String.valueOf(e.getMessage()).contains("E11000");
  }
}
