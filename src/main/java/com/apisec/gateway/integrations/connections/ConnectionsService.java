package com.apisec.gateway.integrations.connections;

import com.apisec.gateway.core.BusRequest;
import com.apisec.gateway.store.Collections;
import com.apisec.gateway.store.PlatformStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which onboarding steps an account skipped and which it has done: {@code markConnectionAsSkipped}
 * stores when a step was skipped, {@code getIntegratedConnectionsInfo} reads every step back. The
 * gateway keeps its own steps document per account; the platform's account settings keep the same
 * map ({@code connectionIntegrationsInfo.<step>}), where its services record {@code integrated}. A
 * step reads as integrated when either says {@code integrated: true}, with the later of the two
 * skip times; Jira is integrated once the gateway holds the account's Jira integration.
 */
final class ConnectionsService {
  static final String INFO = "connectionIntegrationsInfo";
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionsService.class);

  private final MongoClient mongo;
  private final PlatformStore platform;

  /** {@code platform} may be null where the platform's databases are not reachable. */
  ConnectionsService(MongoClient mongo, PlatformStore platform) {
    this.mongo = mongo;
    this.platform = platform;
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
    Future<JsonObject> own =
        mongo
            .findOne(Collections.CONNECTIONS, byAccount(account), null)
            .map(doc -> doc != null && doc.getValue(INFO) instanceof JsonObject s ? s : null);
    Future<JsonObject> recorded = recorded(account);
    Future<Long> jira =
        mongo.count(
            Collections.JIRA_INTEGRATIONS,
            byAccount(account).put("apiToken", new JsonObject().put("$exists", true)));
    return Future.all(own, recorded, jira)
        .map(done -> reply(Steps.of(own.result(), recorded.result()), jira.result() > 0));
  }

  /** The platform's record; unread, the gateway's own document still answers. */
  private Future<JsonObject> recorded(long account) {
    if (platform == null) {
      return Future.succeededFuture(null);
    }
    return platform
        .connectionSteps(account)
        .recover(
            e -> {
              LOG.warn("platform account settings unread [account: {}]: {}", account, e.toString());
              return Future.succeededFuture(null);
            });
  }

  private static JsonObject reply(Steps steps, boolean jiraSaved) {
    JsonObject out = new JsonObject();
    for (Connection step : Connection.values()) {
      out.put(step.key(), steps.entry(step.key(), steps.integrated(step.key())));
    }
    return out.put("jira", steps.entry("jira", jiraSaved));
  }

  /** The steps as both documents record them; a value of the wrong type counts as absent. */
  private record Steps(JsonObject own, JsonObject recorded) {
    static Steps of(JsonObject own, JsonObject recorded) {
      return new Steps(
          own == null ? new JsonObject() : own, recorded == null ? new JsonObject() : recorded);
    }

    boolean integrated(String key) {
      return Boolean.TRUE.equals(step(own, key).getValue("integrated"))
          || Boolean.TRUE.equals(step(recorded, key).getValue("integrated"));
    }

    JsonObject entry(String key, boolean integrated) {
      long lastSkipped = Math.max(lastSkipped(own, key), lastSkipped(recorded, key));
      return new JsonObject().put("lastSkipped", lastSkipped).put("integrated", integrated);
    }

    private static JsonObject step(JsonObject steps, String key) {
      return steps.getValue(key) instanceof JsonObject step ? step : new JsonObject();
    }

    private static long lastSkipped(JsonObject steps, String key) {
      return step(steps, key).getValue("lastSkipped") instanceof Number n ? n.longValue() : 0;
    }
  }

  private static JsonObject byAccount(long account) {
    return new JsonObject().put("accountId", account);
  }
}
