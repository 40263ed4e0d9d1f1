package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.Addresses;
import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.store.StoreVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How integrations create, change, pause and delete their recurring jobs, and how operators see
 * them. The store holds every job; each change is published on {@code scheduler.jobs.changed} so
 * that every node's scheduler learns of it at once. A job of another account is "not found".
 */
public final class Scheduler {
  static final String NOT_FOUND = "jobId not found";
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  private static final int ATTEMPTS = 8;

  private final Vertx vertx;
  private final JobStore store;

  Scheduler(Vertx vertx, JobStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  /** A scheduler on the store whose client config {@code StoreVerticle} hands out. */
  public static Scheduler create(Vertx vertx, JsonObject mongoConfig) {
    MongoClient mongo = MongoClient.createShared(vertx, mongoConfig, StoreVerticle.POOL);
    return new Scheduler(vertx, new JobStore(mongo));
  }

  /** Creates the job, or updates its cadence and params: saving twice keeps one job. */
  public Future<Job> upsert(JobSpec spec) {
    String id = spec.key().id();
    return store
        .find(id)
        .compose(doc -> doc == null ? create(spec) : mutate(id, d -> JobChanges.spec(d, spec)));
  }

  /** Creates many jobs at once (an import); existing ones are updated one by one. */
  public Future<Long> upsertAll(List<JobSpec> specs) {
    return new BulkUpsert(this, store).run(specs);
  }

  public Future<Job> pause(long accountId, String jobId) {
    return owned(accountId, jobId).compose(job -> mutate(jobId, JobChanges::pause));
  }

  public Future<Job> resume(long accountId, String jobId) {
    return owned(accountId, jobId).compose(job -> mutate(jobId, JobChanges::resume));
  }

  /** Makes the job due at once; its later slots follow one interval after this run. */
  public Future<Job> runNow(long accountId, String jobId) {
    return owned(accountId, jobId).compose(job -> mutate(jobId, JobChanges::runNow));
  }

  public Future<Boolean> delete(long accountId, String jobId) {
    return store
        .find(jobId)
        .compose(doc -> doc == null || !ownedBy(doc, accountId) ? falsy() : remove(doc));
  }

  public Future<Job> get(long accountId, String jobId) {
    return owned(accountId, jobId);
  }

  /** The account's jobs, by type and key. */
  public Future<List<Job>> list(long accountId) {
    return store
        .directory(accountId)
        .compose(ids -> ids.isEmpty() ? Future.succeededFuture(List.of()) : store.findAll(ids))
        .map(docs -> docs.stream().filter(d -> ownedBy(d, accountId)).map(Job::fromDoc))
        .map(jobs -> jobs.sorted(Comparator.comparing(Job::type).thenComparing(Job::key)).toList());
  }

  /**
   * Saves a run's cursor while it runs, so a node that takes the slot over resumes from it. Fails
   * with 409 when the run's lease was taken over: the worker should stop.
   */
  public Future<Void> saveCursor(JobRun run, JsonObject cursor) {
    JsonObject set =
        new JsonObject().put(JobDocs.CURSOR, cursor == null ? new JsonObject() : cursor);
    return store
        .fenced(run.jobId(), run.token(), set, false)
        .compose(doc -> doc == null ? Future.failedFuture(leaseLost()) : Future.succeededFuture());
  }

  static GatewayException leaseLost() {
    return new GatewayException(409, "the run's lease was taken over by another node");
  }

  Future<Job> created(JsonObject doc) {
    published(doc);
    LOG.info(
        "job scheduled [job: {}, account: {}, type: {}, interval s: {}, schedule: {}]",
        doc.getString(JobDocs.ID),
        doc.getLong(JobDocs.ACCOUNT),
        doc.getString(JobDocs.TYPE),
        doc.getLong(JobDocs.INTERVAL) / 1000,
        doc.getString(JobDocs.SCHEDULE));
    return Future.succeededFuture(Job.fromDoc(doc));
  }

  private Future<Job> create(JobSpec spec) {
    JsonObject doc = JobDocs.create(spec, System.currentTimeMillis());
    return store
        .addToDirectory(spec.key().accountId(), List.of(doc.getString(JobDocs.ID)))
        .compose(v -> store.insert(doc))
        .compose(inserted -> inserted ? created(doc) : upsert(spec));
  }

  private Future<Job> owned(long accountId, String jobId) {
    return store
        .find(jobId)
        .compose(
            doc ->
                doc == null || !ownedBy(doc, accountId)
                    ? Future.failedFuture(GatewayException.invalid(NOT_FOUND))
                    : Future.succeededFuture(Job.fromDoc(doc)));
  }

  /** Reads the job, applies {@code change} and writes it if nobody wrote in between; retries. */
  private Future<Job> mutate(String jobId, Function<JsonObject, JsonObject> change) {
    return mutate(jobId, change, 1);
  }

  private Future<Job> mutate(String jobId, Function<JsonObject, JsonObject> change, int attempt) {
    return store
        .find(jobId)
        .compose(
            doc -> {
              if (doc == null) {
                return Future.failedFuture(GatewayException.invalid(NOT_FOUND));
              }
              JsonObject set = change.apply(doc);
              if (set.isEmpty()) {
                return Future.succeededFuture(Job.fromDoc(doc));
              }
              return store
                  .compareAndSet(jobId, JobDocs.version(doc), set)
                  .compose(next -> next != null ? changed(next) : again(jobId, change, attempt));
            });
  }

  private Future<Job> again(String jobId, Function<JsonObject, JsonObject> change, int attempt) {
    if (attempt >= ATTEMPTS) {
      return Future.failedFuture(new GatewayException(409, "the job changed meanwhile; try again"));
    }
    return mutate(jobId, change, attempt + 1);
  }

  private Future<Job> changed(JsonObject doc) {
    published(doc);
    LOG.info(
        "job changed [job: {}, status: {}, interval s: {}, schedule: {}, next due: {}]",
        doc.getString(JobDocs.ID),
        doc.getString(JobDocs.STATUS),
        doc.getLong(JobDocs.INTERVAL) / 1000,
        doc.getString(JobDocs.SCHEDULE),
        doc.getLong(JobDocs.NEXT_DUE));
    return Future.succeededFuture(Job.fromDoc(doc));
  }

  private Future<Boolean> remove(JsonObject doc) {
    String id = doc.getString(JobDocs.ID);
    long accountId = doc.getLong(JobDocs.ACCOUNT);
    return store
        .delete(id)
        .compose(deleted -> store.removeFromDirectory(accountId, id).map(deleted))
        .compose(deleted -> store.deleteRunKeys(JobChanges.runKeys(doc)).map(deleted))
        .onSuccess(
            deleted -> {
              vertx.eventBus().publish(Addresses.SCHEDULER_CHANGED, tombstone(id));
              LOG.info("job deleted [job: {}, account: {}]", id, accountId);
            });
  }

  void published(JsonObject doc) {
    vertx.eventBus().publish(Addresses.SCHEDULER_CHANGED, JobView.fromDoc(doc).toJson());
  }

  static JsonObject tombstone(String id) {
    return new JsonObject().put(JobDocs.ID, id).put("deleted", true);
  }

  private static boolean ownedBy(JsonObject doc, long accountId) {
    return doc.getLong(JobDocs.ACCOUNT, 0L) == accountId;
  }

  private static Future<Boolean> falsy() {
    return Future.succeededFuture(false);
  }
}
