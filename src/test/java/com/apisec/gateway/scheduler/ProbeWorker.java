package com.apisec.gateway.scheduler;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.UUID;

/**
 * A worker for jobs of type {@code probe} that records every run it starts and finishes in the
 * {@code probe_runs} collection, with the node that ran it and the cursor it was given. Params:
 * {@code workMs} (how long a run takes), {@code stepMs} (a cursor is saved after each step), {@code
 * hang} (never reply), {@code fail} (reply with a failure).
 */
final class ProbeWorker extends VerticleBase {
  static final String TYPE = "probe";
  static final String RUNS = "probe_runs";

  private final String node;
  private final JsonObject mongoConfig;
  private MongoClient mongo;
  private Scheduler scheduler;

  ProbeWorker(String node, JsonObject mongoConfig) {
    this.node = node;
    this.mongoConfig = mongoConfig;
  }

  @Override
  public Future<?> start() {
    mongo = MongoClient.create(vertx, mongoConfig);
    scheduler = Scheduler.create(vertx, mongoConfig);
    return JobWorkers.serve(vertx, TYPE, this::work).completion();
  }

  private Future<JsonObject> work(JobRun run) {
    String id = UUID.randomUUID().toString();
    JsonObject record =
        new JsonObject()
            .put("_id", id)
            .put("jobId", run.jobId())
            .put("accountId", run.accountId())
            .put("slot", run.slot())
            .put("attempt", run.attempt())
            .put("missed", run.missed())
            .put("node", node)
            .put("cursorIn", run.cursor())
            .put("startedAt", System.currentTimeMillis());
    JsonObject params = run.params();
    return mongo
        .insert(RUNS, record)
        .compose(v -> steps(run, params, run.cursor().getInteger("step", 0)))
        .compose(step -> finished(id, run, params, step));
  }

  private Future<Integer> steps(JobRun run, JsonObject params, int step) {
    long workMs = params.getLong("workMs", 0L);
    long stepMs = params.getLong("stepMs", Math.max(1, workMs));
    if (workMs <= 0 || step * stepMs >= workMs) {
      return Future.succeededFuture(step);
    }
    JsonObject cursor = new JsonObject().put("step", step + 1);
    return vertx
        .timer(stepMs)
        .compose(t -> scheduler.saveCursor(run, cursor))
        .compose(v -> steps(run, params, step + 1));
  }

  private Future<JsonObject> finished(String id, JobRun run, JsonObject params, int step) {
    if (params.getBoolean("hang", false)) {
      return Future.future(never -> {});
    }
    JsonObject set = new JsonObject().put("finishedAt", System.currentTimeMillis());
    return mongo
        .updateCollection(RUNS, new JsonObject().put("_id", id), new JsonObject().put("$set", set))
        .compose(
            v ->
                params.getBoolean("fail", false)
                    ? Future.failedFuture(new IllegalStateException("probe failure"))
                    : Future.succeededFuture(new JsonObject().put("step", step)));
  }
}
