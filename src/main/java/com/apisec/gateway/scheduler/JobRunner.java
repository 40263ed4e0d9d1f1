package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.Addresses;
import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.Metrics;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one due job on this node: claims its slot (or takes over a slot whose lease ran out), takes
 * the slot's run key, asks the worker on this node, renews the lease while the worker runs, and
 * records the outcome. A result that arrives after the lease was lost is discarded.
 */
final class JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  private static final int MAX_ERROR = 500;

  /** Where the runner reports each job document it wrote (published) or only read (not). */
  interface Changes {
    void job(JsonObject doc);

    void read(JsonObject doc);

    void gone(String jobId);
  }

  private final Vertx vertx;
  private final JobStore store;
  private final Leases leases;
  private final String nodeId;
  private final Supplier<GatewayConfig.Scheduler> settings;
  private final Changes changes;
  private final RunKeyJanitor janitor;
  private final Set<Long> renewals = new HashSet<>();
  private int inFlight;
  private Promise<Void> drained;
  private boolean stopped;

  JobRunner(
      Vertx vertx,
      JobStore store,
      String nodeId,
      Supplier<GatewayConfig.Scheduler> settings,
      Changes changes,
      RunKeyJanitor janitor) {
    this.vertx = vertx;
    this.store = store;
    this.leases = new Leases(store, nodeId);
    this.nodeId = nodeId;
    this.settings = settings;
    this.changes = changes;
    this.janitor = janitor;
  }

  /**
   * Runs the job if its claim succeeds; completes when the run is over, never failing: with {@code
   * true} once the store has answered the claim (whether or not this node won it), {@code false}
   * when the claim or its run could not be carried out.
   */
  Future<Boolean> run(JobView job) {
    long now = System.currentTimeMillis();
    long leaseMs = settings.get().leaseSeconds() * 1000;
    boolean takeover = job.leased();
    Future<JsonObject> claim;
    try {
      claim = takeover ? leases.takeOver(job, now, leaseMs) : leases.claim(job, now, leaseMs);
    } catch (RuntimeException e) {
      claim = Future.failedFuture(e);
    }
    inFlight++;
    return claim
        .compose(doc -> doc == null ? refresh(job.id()) : claimed(job, doc, takeover))
        .map(true)
        .recover(e -> notStarted(job, e))
        .andThen(done -> ended());
  }

  /** Completes when no run is in progress, or after {@code limitMs}. */
  Future<Void> drain(long limitMs) {
    if (inFlight == 0 || limitMs <= 0) {
      return Future.succeededFuture();
    }
    drained = Promise.promise();
    vertx.setTimer(limitMs, t -> drained.tryComplete());
    return drained.future();
  }

  private void ended() {
    inFlight--;
    if (inFlight == 0 && drained != null) {
      drained.tryComplete();
    }
  }

  void stop() {
    stopped = true;
    renewals.forEach(vertx::cancelTimer);
    renewals.clear();
  }

  private Future<Void> refresh(String jobId) {
    return store
        .find(jobId)
        .map(
            doc -> {
              if (doc == null) {
                changes.gone(jobId);
              } else {
                changes.read(doc);
              }
              return null;
            });
  }

  private Future<Void> claimed(JobView job, JsonObject doc, boolean takeover) {
    changes.job(doc);
    ClaimedRun run = ClaimedRun.of(doc, System.currentTimeMillis(), nodeId);
    if (takeover) {
      Metrics.jobTakeover(run.type());
      LOG.warn(
          "slot taken over [job: {}, slot: {}, attempt: {}, previous node: {}]",
          run.id(),
          run.run().slot(),
          run.run().attempt(),
          job.leaseNode());
      return store.saveRunKey(run.runKeyDoc(retentionMs())).compose(v -> execute(run));
    }
    return store
        .insertRunKey(run.runKeyDoc(retentionMs()))
        .compose(fresh -> fresh ? execute(run) : skip(run));
  }

  private Future<Void> skip(ClaimedRun run) {
    LOG.warn("slot already run, skipped [job: {}, slot: {}]", run.id(), run.run().slot());
    Metrics.jobRun(run.type(), "skipped", 0);
    return leases.release(run.id(), run.run().token()).map(this::recorded);
  }

  private Future<Void> execute(ClaimedRun run) {
    if (run.run().attempt() == 1) {
      Metrics.jobLateness(run.type(), run.startedAt() - run.run().slot());
    }
    LOG.debug("job run started [job: {}, slot: {}]", run.id(), run.run().slot());
    boolean[] lost = {false};
    long renewMs = settings.get().renewSeconds() * 1000;
    long timer = vertx.setPeriodic(renewMs, t -> renew(run, lost));
    renewals.add(timer);
    DeliveryOptions options =
        new DeliveryOptions()
            .setLocalOnly(true)
            .setSendTimeout(settings.get().runTimeoutSeconds() * 1000);
    return vertx
        .eventBus()
        .<JsonObject>request(Addresses.schedulerRun(run.type()), run.run().toJson(), options)
        .transform(
            reply -> {
              vertx.cancelTimer(timer);
              renewals.remove(timer);
              return finish(run, lost[0], reply);
            });
  }

  private void renew(ClaimedRun run, boolean[] lost) {
    long until = System.currentTimeMillis() + settings.get().leaseSeconds() * 1000;
    leases
        .renew(run.id(), run.run().token(), until)
        .onSuccess(
            doc -> {
              if (doc != null) {
                changes.job(doc);
              } else if (!lost[0]) {
                lost[0] = true;
                LOG.warn("lease lost during run [job: {}, slot: {}]", run.id(), run.run().slot());
              }
            })
        .onFailure(e -> LOG.warn("lease renewal failed [job: {}]: {}", run.id(), e.getMessage()));
  }

  private Future<Void> finish(
      ClaimedRun run, boolean lost, AsyncResult<Message<JsonObject>> reply) {
    long nanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - run.startedAt());
    if (stopped) {
      return Future.succeededFuture();
    }
    if (reply.failed() && noWorker(reply.cause())) {
      JobWorkers.forget(vertx, run.type());
      LOG.warn(
          "no worker on this node, slot left to others [job: {}, type: {}]", run.id(), run.type());
      return Future.succeededFuture();
    }
    if (lost) {
      return discarded(run, nanos);
    }
    String error = reply.succeeded() ? null : errorText(reply.cause());
    JsonObject cursor = reply.succeeded() ? cursorOf(reply.result().body()) : null;
    JsonObject lastRun = run.lastRun(error == null ? "SUCCEEDED" : "FAILED", error, now());
    return leases
        .finish(run.id(), run.run().token(), lastRun, cursor)
        .compose(doc -> doc == null ? discarded(run, nanos) : done(run, doc, error, nanos));
  }

  private Future<Void> done(ClaimedRun run, JsonObject doc, String error, long nanos) {
    recorded(doc);
    Metrics.jobRun(run.type(), error == null ? "succeeded" : "failed", nanos);
    if (error != null) {
      LOG.warn(
          "job run failed [job: {}, type: {}, slot: {}]: {}",
          run.id(),
          run.type(),
          run.run().slot(),
          error);
    } else {
      LOG.debug("job run succeeded [job: {}, slot: {}]", run.id(), run.run().slot());
    }
    if (run.previousSlot() > 0 && run.previousSlot() != run.run().slot()) {
      janitor.drop(JobDocs.runKey(run.id(), run.previousSlot()));
    }
    return Future.succeededFuture();
  }

  private Future<Void> discarded(ClaimedRun run, long nanos) {
    Metrics.jobRun(run.type(), "discarded", nanos);
    LOG.warn("run result discarded, lease lost [job: {}, slot: {}]", run.id(), run.run().slot());
    return Future.succeededFuture();
  }

  private Void recorded(JsonObject doc) {
    if (doc != null) {
      changes.job(doc);
    }
    return null;
  }

  /** A claim cut off by this node's own stop (its store client closing) is no news. */
  private Future<Boolean> notStarted(JobView job, Throwable e) {
    if (stopped) {
      LOG.debug("job run not started, node stopping [job: {}]: {}", job.id(), e.getMessage());
    } else {
      LOG.warn("job run not started [job: {}]: {}", job.id(), e.getMessage());
    }
    return Future.succeededFuture(false);
  }

  private static boolean noWorker(Throwable cause) {
    return cause instanceof ReplyException e && e.failureType() == ReplyFailure.NO_HANDLERS;
  }

  private static JsonObject cursorOf(JsonObject reply) {
    return reply == null ? null : reply.getJsonObject("cursor");
  }

  private String errorText(Throwable cause) {
    if (cause instanceof ReplyException e && e.failureType() == ReplyFailure.TIMEOUT) {
      return "timed out after " + settings.get().runTimeoutSeconds() + " s";
    }
    String text = String.valueOf(cause.getMessage()).replaceAll("\\p{Cntrl}", " ");
    return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
  }

  private long retentionMs() {
    return settings.get().runKeyRetentionSeconds() * 1000;
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
