package com.apisec.gateway.scheduler;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Saves many jobs in batches: one read of the batch's ids, one directory write per account, one
 * bulk insert for the new jobs; jobs that exist are updated one by one.
 */
final class BulkUpsert {
  private static final int BATCH = 500;

  private final Scheduler scheduler;
  private final JobStore store;

  BulkUpsert(Scheduler scheduler, JobStore store) {
    this.scheduler = scheduler;
    this.store = store;
  }

  Future<Long> run(List<JobSpec> specs) {
    Future<Long> chain = Future.succeededFuture(0L);
    for (int from = 0; from < specs.size(); from += BATCH) {
      List<JobSpec> batch = specs.subList(from, Math.min(specs.size(), from + BATCH));
      chain = chain.compose(saved -> batch(batch).map(n -> saved + n));
    }
    return chain;
  }

  private Future<Long> batch(List<JobSpec> batch) {
    List<String> ids = batch.stream().map(spec -> spec.key().id()).toList();
    return store
        .findAll(ids)
        .compose(
            existing -> {
              Set<String> known =
                  existing.stream().map(d -> d.getString(JobDocs.ID)).collect(Collectors.toSet());
              List<JobSpec> fresh = new ArrayList<>();
              List<Future<Job>> updates = new ArrayList<>();
              for (JobSpec spec : batch) {
                if (known.contains(spec.key().id())) {
                  updates.add(scheduler.upsert(spec));
                } else {
                  fresh.add(spec);
                }
              }
              return Future.all(updates).compose(v -> insert(fresh).map(n -> n + updates.size()));
            });
  }

  private Future<Long> insert(List<JobSpec> fresh) {
    if (fresh.isEmpty()) {
      return Future.succeededFuture(0L);
    }
    long now = System.currentTimeMillis();
    List<JsonObject> docs = fresh.stream().map(spec -> JobDocs.create(spec, now)).toList();
    return directories(docs)
        .compose(v -> store.insertMany(docs))
        .onSuccess(n -> docs.forEach(scheduler::published));
  }

  private Future<Void> directories(List<JsonObject> docs) {
    Map<Long, List<String>> byAccount = new TreeMap<>();
    for (JsonObject doc : docs) {
      byAccount
          .computeIfAbsent(doc.getLong(JobDocs.ACCOUNT), a -> new ArrayList<>())
          .add(doc.getString(JobDocs.ID));
    }
    List<Future<Void>> writes = new ArrayList<>();
    byAccount.forEach((account, ids) -> writes.add(store.addToDirectory(account, ids)));
    return Future.all(writes).mapEmpty();
  }
}
