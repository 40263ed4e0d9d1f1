package com.apisec.gateway.scheduler;

import com.apisec.gateway.store.Collections;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.BulkWriteOptions;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler's store operations. Every query that runs while jobs are due names exactly the keys
 * of a unique index ({@code _id}; {@code _id + version}; {@code _id + leaseToken}), because the
 * embedded store uses an index only for such queries and scans the collection otherwise.
 */
final class JobStore {
  private static final int SCAN_BATCH = 5_000;

  private final MongoClient mongo;

  JobStore(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * The unique indexes that make compare-and-set and fenced writes single-document lookups and, on
   * MongoDB ({@code secondary}), the TTL index that removes expired run keys and the indexes the
   * incremental rereads use. The embedded store builds unique indexes only (it would ignore the
   * others, with a warning, and scan).
   */
  Future<Void> ensureIndexes(boolean secondary) {
    IndexOptions unique = new IndexOptions().unique(true);
    JsonObject byVersion = new JsonObject().put(JobDocs.ID, 1).put(JobDocs.VERSION, 1);
    JsonObject byToken = new JsonObject().put(JobDocs.ID, 1).put(JobDocs.LEASE_TOKEN, 1);
    Future<Void> uniques =
        mongo
            .createIndexWithOptions(Collections.JOBS, byVersion, unique)
            .compose(v -> mongo.createIndexWithOptions(Collections.JOBS, byToken, unique));
    if (!secondary) {
      return uniques;
    }
    IndexOptions ttl = new IndexOptions().expireAfter(0L, TimeUnit.SECONDS);
    JsonObject byExpiry = new JsonObject().put(JobDocs.EXPIRES, 1);
    JsonObject byChange = new JsonObject().put(JobDocs.UPDATED, 1).put(JobDocs.ID, 1);
    JsonObject byDue = new JsonObject().put(JobDocs.NEXT_DUE, 1);
    return uniques
        .compose(v -> mongo.createIndexWithOptions(Collections.JOB_RUNS, byExpiry, ttl))
        .compose(v -> mongo.createIndex(Collections.JOBS, byChange))
        .compose(v -> mongo.createIndex(Collections.JOBS, byDue));
  }

  Future<JsonObject> find(String id) {
    return mongo.findOne(Collections.JOBS, new JsonObject().put(JobDocs.ID, id), null);
  }

  Future<List<JsonObject>> findAll(List<String> ids) {
    JsonObject in = new JsonObject().put("$in", new JsonArray(List.copyOf(ids)));
    return mongo.find(Collections.JOBS, new JsonObject().put(JobDocs.ID, in));
  }

  /** Inserts a new job; false when a job with its id exists already. */
  Future<Boolean> insert(JsonObject doc) {
    return mongo
        .insert(Collections.JOBS, doc)
        .map(id -> true)
        .recover(e -> isDuplicate(e) ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  /** Inserts many new jobs, skipping those that exist; returns how many were inserted. */
  Future<Long> insertMany(List<JsonObject> docs) {
    List<BulkOperation> ops = docs.stream().map(BulkOperation::createInsert).toList();
    return mongo
        .bulkWriteWithOptions(Collections.JOBS, ops, new BulkWriteOptions(false))
        .map(result -> result.getInsertedCount())
        .recover(e -> isDuplicate(e) ? insertOneByOne(docs) : Future.failedFuture(e));
  }

  private Future<Long> insertOneByOne(List<JsonObject> docs) {
    List<Future<Boolean>> all = docs.stream().map(this::insert).toList();
    return Future.join(all).map(done -> all.stream().filter(f -> f.result()).count());
  }

  /** Sets {@code set} if the job is still at {@code version}; the new document, or null. */
  Future<JsonObject> compareAndSet(String id, long version, JsonObject set) {
    return compareAndSet(id, version, set, new JsonObject());
  }

  /** As {@link #compareAndSet(String, long, JsonObject)}, also adding {@code inc} to fields. */
  Future<JsonObject> compareAndSet(String id, long version, JsonObject set, JsonObject inc) {
    JsonObject query = new JsonObject().put(JobDocs.ID, id).put(JobDocs.VERSION, version);
    return update(query, set, inc.copy().put(JobDocs.VERSION, 1));
  }

  /** Sets {@code set} if the job's lease still has {@code token}; the new document, or null. */
  Future<JsonObject> fenced(String id, String token, JsonObject set, boolean bumpVersion) {
    JsonObject query = new JsonObject().put(JobDocs.ID, id).put(JobDocs.LEASE_TOKEN, token);
    JsonObject inc = bumpVersion ? new JsonObject().put(JobDocs.VERSION, 1) : new JsonObject();
    return update(query, set, inc);
  }

  /**
   * A write that moves the version also stamps {@code updatedAt}, which the incremental rereads go
   * by; a cursor save (no version change) does not.
   */
  private Future<JsonObject> update(JsonObject query, JsonObject set, JsonObject inc) {
    JsonObject update = new JsonObject().put("$set", set);
    if (!inc.isEmpty()) {
      update.put("$inc", inc);
    }
    if (inc.containsKey(JobDocs.VERSION) && !set.containsKey(JobDocs.UPDATED)) {
      set.put(JobDocs.UPDATED, System.currentTimeMillis());
    }
    UpdateOptions options = new UpdateOptions().setReturningNewDocument(true);
    return mongo.findOneAndUpdateWithOptions(
        Collections.JOBS, query, update, new FindOptions(), options);
  }

  Future<Boolean> delete(String id) {
    return mongo
        .removeDocument(Collections.JOBS, new JsonObject().put(JobDocs.ID, id))
        .map(result -> result != null && result.getRemovedCount() > 0);
  }

  /**
   * Every job's schedule, in one query. The embedded store holds the collection's lock while it
   * reads them (about a second for 100,000 jobs), so this runs at start and then rarely.
   */
  Future<List<JobView>> scan() {
    FindOptions options = new FindOptions().setFields(JobView.fields()).setBatchSize(SCAN_BATCH);
    return mongo
        .findWithOptions(Collections.JOBS, new JsonObject(), options)
        .map(docs -> docs.stream().map(JobView::fromDoc).toList());
  }

  /**
   * One page of the jobs changed at or after {@code since} or due in {@code [since, dueBy]}, in the
   * order of {@code (updatedAt, _id)}, starting after {@code after} (that key of the last job of
   * the page before, or null). On MongoDB both branches use an index; the embedded store scans the
   * collection once for each page, but hands over only the page.
   */
  Future<List<JsonObject>> changedOrDue(long since, long dueBy, JsonObject after, int limit) {
    JsonObject changed = new JsonObject().put(JobDocs.UPDATED, new JsonObject().put("$gte", since));
    JsonObject due =
        new JsonObject()
            .put(JobDocs.NEXT_DUE, new JsonObject().put("$gte", since).put("$lte", dueBy));
    JsonObject query = new JsonObject().put("$or", new JsonArray().add(changed).add(due));
    if (after != null) {
      query = new JsonObject().put("$and", new JsonArray().add(query).add(pastKey(after)));
    }
    JsonObject fields = JobView.fields().put(JobDocs.UPDATED, 1);
    JsonObject order = new JsonObject().put(JobDocs.UPDATED, 1).put(JobDocs.ID, 1);
    FindOptions options = new FindOptions().setFields(fields).setSort(order).setLimit(limit);
    return mongo.findWithOptions(Collections.JOBS, query, options);
  }

  /** The jobs after {@code key} in the order of {@code (updatedAt, _id)}. */
  private static JsonObject pastKey(JsonObject key) {
    long at = key.getLong(JobDocs.UPDATED, 0L);
    JsonObject later = new JsonObject().put(JobDocs.UPDATED, new JsonObject().put("$gt", at));
    JsonObject same =
        new JsonObject()
            .put(JobDocs.UPDATED, at)
            .put(JobDocs.ID, new JsonObject().put("$gt", key.getString(JobDocs.ID)));
    return new JsonObject().put("$or", new JsonArray().add(later).add(same));
  }

  /** Claims a slot's run key; false when the slot was started before. */
  Future<Boolean> insertRunKey(JsonObject runKey) {
    return mongo
        .insert(Collections.JOB_RUNS, runKey)
        .map(id -> true)
        .recover(e -> isDuplicate(e) ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  /** Records that another attempt of a slot started (after a takeover). */
  Future<Void> saveRunKey(JsonObject runKey) {
    JsonObject query = new JsonObject().put(JobDocs.ID, runKey.getString(JobDocs.ID));
    JsonObject set = runKey.copy();
    set.remove(JobDocs.ID);
    JsonObject update = new JsonObject().put("$set", set);
    return mongo
        .updateCollectionWithOptions(
            Collections.JOB_RUNS, query, update, new UpdateOptions().setUpsert(true))
        .mapEmpty();
  }

  /** The ids of up to {@code limit} run keys whose {@code expiresAt} is before {@code now}. */
  Future<List<String>> expiredRunKeys(long now, int limit) {
    JsonObject query =
        new JsonObject().put(JobDocs.EXPIRES, new JsonObject().put("$lt", JobDocs.date(now)));
    FindOptions options =
        new FindOptions().setFields(new JsonObject().put(JobDocs.ID, 1)).setLimit(limit);
    return mongo
        .findWithOptions(Collections.JOB_RUNS, query, options)
        .map(docs -> docs.stream().map(doc -> doc.getString(JobDocs.ID)).toList());
  }

  Future<Void> deleteRunKeys(List<String> ids) {
    JsonObject in = new JsonObject().put("$in", new JsonArray(List.copyOf(ids)));
    return mongo
        .removeDocuments(Collections.JOB_RUNS, new JsonObject().put(JobDocs.ID, in))
        .mapEmpty();
  }

  /** The ids of an account's jobs (a superset: an id may outlive its job briefly). */
  Future<List<String>> directory(long accountId) {
    return mongo
        .findOne(Collections.JOB_ACCOUNTS, directoryId(accountId), null)
        .map(doc -> doc == null ? List.of() : ids(doc.getJsonArray("jobIds", new JsonArray())));
  }

  Future<Void> addToDirectory(long accountId, List<String> ids) {
    JsonObject each = new JsonObject().put("$each", new JsonArray(List.copyOf(ids)));
    JsonObject update = new JsonObject().put("$addToSet", new JsonObject().put("jobIds", each));
    return directoryUpdate(accountId, update);
  }

  Future<Void> removeFromDirectory(long accountId, String id) {
    JsonObject update = new JsonObject().put("$pull", new JsonObject().put("jobIds", id));
    return directoryUpdate(accountId, update);
  }

  /** Two first writes for one account race to insert its document; the loser updates it. */
  private Future<Void> directoryUpdate(long accountId, JsonObject update) {
    JsonObject query = directoryId(accountId);
    UpdateOptions upsert = new UpdateOptions().setUpsert(true);
    return mongo
        .updateCollectionWithOptions(Collections.JOB_ACCOUNTS, query, update, upsert)
        .recover(
            e ->
                isDuplicate(e)
                    ? mongo.updateCollection(Collections.JOB_ACCOUNTS, query, update)
                    : Future.failedFuture(e))
        .mapEmpty();
  }

  /** The account's directory document; its id is a string, as the client stores ids. */
  private static JsonObject directoryId(long accountId) {
    return new JsonObject().put(JobDocs.ID, Long.toString(accountId));
  }

  private static List<String> ids(JsonArray array) {
    return array.stream().filter(String.class::isInstance).map(String.class::cast).toList();
  }

  static boolean isDuplicate(Throwable e) {
    String text = String.valueOf(e.getMessage());
    return text.contains("E11000") || text.contains("11000");
  }
}
