package com.apisec.gateway.integrations.connections;

import com.apisec.gateway.core.BusRequest;
import com.apisec.gateway.store.Collections;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;

/**
 * Which onboarding steps an account skipped and which it has done: {@code markConnectionAsSkipped}
 * stores when a step was skipped, {@code getIntegratedConnectionsInfo} reads every step back with
 * whether it is integrated, as far as the gateway can tell.
 */
final class ConnectionsService {
  static final String INFO = "connectionIntegrationsInfo";

  private final MongoClient mongo;

  ConnectionsService(MongoClient mongo) {
    this.mongo = mongo;
  }

  Future<JsonObject> markSkipped(BusRequest request) {
    Connection step =
        Connection.from(request.body().getValue("connectionSkipped"), "connectionSkipped");
    long now = System.currentTimeMillis() / 1000;
    JsonObject update =
        new JsonObject()
            .put("$set", new JsonObject().put(INFO + "." + step.key() + ".lastSkipped", now));
    return mongo
        .updateCollectionWithOptions(
            Collections.CONNECTIONS,
            byAccount(request.accountId()),
            update,
            new UpdateOptions().setUpsert(true))
        .map(done -> new JsonObject().put("connectionSkipped", step.key()).put("lastSkipped", now));
  }

  /** {@code {<step>: {lastSkipped, integrated}}} for every step, and {@code jira}. */
  Future<JsonObject> info(BusRequest request) {
    long account = request.accountId();
    Future<JsonObject> skipped = mongo.findOne(Collections.CONNECTIONS, byAccount(account), null);
    Future<Long> jira =
        mongo.count(
            Collections.JIRA_INTEGRATIONS,
            byAccount(account).put("apiToken", new JsonObject().put("$exists", true)));
    return Future.all(skipped, jira).map(done -> info(skipped.result(), jira.result() > 0));
  }

  private static JsonObject info(JsonObject stored, boolean jiraSaved) {
    JsonObject known =
        stored == null ? new JsonObject() : stored.getJsonObject(INFO, new JsonObject());
    JsonObject out = new JsonObject();
    for (Connection step : Connection.values()) {
      // TODO(#4): these steps read as not integrated until the gateway keeps Slack webhooks,
      // traffic sources, SSO, CI/CD and members of its own.
      out.put(step.key(), entry(known.getJsonObject(step.key()), false));
    }
    return out.put("jira", entry(known.getJsonObject("jira"), jiraSaved));
  }

  private static JsonObject entry(JsonObject stored, boolean integrated) {
    long lastSkipped = stored == null ? 0 : stored.getLong("lastSkipped", 0L);
    return new JsonObject().put("lastSkipped", lastSkipped).put("integrated", integrated);
  }

  private static JsonObject byAccount(long account) {
    return new JsonObject().put("accountId", account);
  }
}
