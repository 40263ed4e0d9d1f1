package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.Addresses;
import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.LiveConfig;
import com.apisec.gateway.store.StoreVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler of one node, deployed on every node. It loads every job's schedule into an index
 * once, keeps it current from the change notifications every node publishes (and a reread of the
 * jobs changed since the last one every {@code scheduler.resyncSeconds}), and claims due slots in
 * the store, which decides who runs each slot. It also serves the operators' job operations. See
 * {@code docs/scheduler.md}.
 */
public final class SchedulerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerVerticle.class);
  private static final int START_ATTEMPTS = 3;

  private final LiveConfig live;
  private final JsonObject mongoConfig;
  private final String nodeId = newNodeId();
  private MongoClient mongo;
  private Membership membership;
  private Dispatcher dispatcher;
  private JobRunner runner;
  private RunKeyJanitor janitor;
  private Resync resync;
  private long resyncTimer = -1;
  private boolean stopped;
  private Future<Void> drained;

  public SchedulerVerticle(LiveConfig live, JsonObject mongoConfig) {
    this.live = live;
    this.mongoConfig = mongoConfig.copy();
  }

  /** This node's id in leases: host, process id and a random part. */
  public String nodeId() {
    return nodeId;
  }

  @Override
  public Future<?> start() {
    mongo = MongoClient.createShared(vertx, mongoConfig, StoreVerticle.POOL);
    JobStore store = new JobStore(mongo);
    resync = new Resync(vertx, store);
    membership = new Membership(vertx, nodeId, () -> JobWorkers.types(vertx));
    dispatcher =
        new Dispatcher(
            vertx, nodeId, this::settings, membership, type -> JobWorkers.runs(vertx, type));
    boolean mongodb = !live.get().store().embedded();
    janitor = new RunKeyJanitor(vertx, store, this::settings, !mongodb);
    runner = new JobRunner(vertx, store, nodeId, this::settings, changes(), janitor);
    long started = System.currentTimeMillis();
    return retried("indexes", () -> store.ensureIndexes(mongodb), 1)
        .compose(
            v ->
                vertx.eventBus().consumer(Addresses.SCHEDULER_CHANGED, this::notified).completion())
        .compose(
            v -> retried("jobs", () -> resync.run(dispatcher::apply, overlapMs()).mapEmpty(), 1))
        .compose(v -> membership.start())
        .compose(v -> JobOperations.serve(vertx.eventBus(), new Scheduler(vertx, store)))
        .onSuccess(v -> running(started));
  }

  /**
   * Runs a start step again when it fails: the embedded store can fail a long scan (an index build,
   * reading every job) that meets its own background compaction ("chunk not found").
   */
  private Future<Void> retried(String what, Supplier<Future<Void>> step, int attempt) {
    return step.get()
        .recover(
            e -> {
              if (attempt >= START_ATTEMPTS) {
                return Future.failedFuture(e);
              }
              LOG.warn(
                  "scheduler start step failed, again [step: {}, attempt: {}]: {}",
                  what,
                  attempt,
                  e.getMessage());
              return retried(what, step, attempt + 1);
            });
  }

  private void running(long started) {
    dispatcher.start(runner);
    janitor.start();
    armResync(settings().resyncSeconds() * 1000);
    LOG.debug(
        "scheduler running [node: {}, jobs: {}, ms: {}]",
        nodeId,
        dispatcher.jobs(),
        System.currentTimeMillis() - started);
  }

  private JobRunner.Changes changes() {
    return new JobRunner.Changes() {
      @Override
      public void job(JsonObject doc) {
        JobView view = JobView.fromDoc(doc);
        dispatcher.apply(view);
        vertx.eventBus().publish(Addresses.SCHEDULER_CHANGED, view.toJson());
      }

      @Override
      public void read(JsonObject doc) {
        dispatcher.apply(JobView.fromDoc(doc));
      }

      @Override
      public void gone(String jobId) {
        dispatcher.remove(jobId);
      }
    };
  }

  private void notified(Message<Object> message) {
    if (!(message.body() instanceof JsonObject json) || json.getString(JobDocs.ID) == null) {
      return;
    }
    if (json.getBoolean("deleted", false)) {
      dispatcher.remove(json.getString(JobDocs.ID));
    } else {
      dispatcher.apply(JobView.fromDoc(json));
    }
  }

  /**
   * Rereads, every {@code resyncSeconds}, the jobs changed since the last pass and those due before
   * the next: for notifications a node missed, and without a cluster for jobs other nodes saved. A
   * pass cut short at its bound goes on a second later.
   */
  private void armResync(long delayMs) {
    if (stopped) {
      return;
    }
    resyncTimer = vertx.setTimer(delayMs, t -> reread());
  }

  private void reread() {
    long started = System.currentTimeMillis();
    long periodMs = settings().resyncSeconds() * 1000;
    resync
        .pass(dispatcher::apply, started, periodMs, overlapMs())
        .onSuccess(
            pass -> {
              LOG.debug(
                  "jobs reread [read: {}, more: {}, ms: {}]",
                  pass.read(),
                  pass.more(),
                  System.currentTimeMillis() - started);
              armResync(pass.more() ? 1_000 : periodMs);
            })
        .onFailure(
            e -> {
              LOG.warn("jobs not reread: {}", e.getMessage());
              armResync(periodMs);
            });
  }

  /** How far before the last pass the next one reads again: writers' clocks may be behind. */
  private long overlapMs() {
    return settings().leaseSeconds() * 1000;
  }

  private GatewayConfig.Scheduler settings() {
    return live.get().scheduler();
  }

  /**
   * Stops claiming and gives the runs in progress up to {@code grace} to finish and be recorded. A
   * node's stop calls it while the HTTP server drains, before any worker is undeployed; a run still
   * going after that is left to its lease, and another node runs its slot again. Safe to call from
   * any thread, and more than once: later calls wait for the first.
   */
  public Future<Void> drain(Duration grace) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> drainRuns(grace.toMillis()).onComplete(done));
    return done.future();
  }

  private Future<Void> drainRuns(long graceMs) {
    if (drained == null) {
      stopped = true;
      vertx.cancelTimer(resyncTimer);
      if (dispatcher == null) {
        drained = Future.succeededFuture();
      } else {
        dispatcher.stop();
        membership.stop();
        drained = runner.drain(graceMs);
      }
    }
    return drained;
  }

  /**
   * Stops claiming and renewing and closes the store client. It waits for runs in progress only if
   * {@link #drain(Duration)} was called first, as a node's stop does: an undeploy on its own (or
   * Vert.x closing) takes the workers away at the same time, so the runs are left to their leases,
   * as if the node had died.
   */
  @Override
  public Future<?> stop() {
    Future<Void> runs = drainRuns(0);
    if (dispatcher == null) {
      return mongo == null ? Future.succeededFuture() : mongo.close();
    }
    return runs.andThen(done -> runner.stop())
        .compose(v -> janitor.stop())
        .eventually(() -> mongo.close());
  }

  private static String newNodeId() {
    String host = System.getenv().getOrDefault("HOSTNAME", "node");
    String random = UUID.randomUUID().toString().substring(0, 8);
    return host + ":" + ProcessHandle.current().pid() + ":" + random;
  }
}
