package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.Addresses;
import com.apisec.gateway.core.BusOperation;
import com.apisec.gateway.core.BusRequest;
import com.apisec.gateway.core.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The operators' job operations: {@code fetchIntegrationJobs} lists the caller's jobs, and {@code
 * runIntegrationJobNow}, {@code pauseIntegrationJob} and {@code resumeIntegrationJob} act on one
 * job by {@code jobId}. A job of another account is "jobId not found", like a missing one.
 */
final class JobOperations {
  private JobOperations() {}

  static Future<Void> serve(EventBus bus, Scheduler scheduler) {
    return Future.all(
            List.of(
                BusOperation.serve(bus, Addresses.SCHEDULER_FETCH_JOBS, r -> fetch(scheduler, r))
                    .completion(),
                byJobId(bus, Addresses.SCHEDULER_RUN_NOW, scheduler::runNow),
                byJobId(bus, Addresses.SCHEDULER_PAUSE, scheduler::pause),
                byJobId(bus, Addresses.SCHEDULER_RESUME, scheduler::resume)))
        .mapEmpty();
  }

  private static Future<Void> byJobId(
      EventBus bus, String address, BiFunction<Long, String, Future<Job>> action) {
    return BusOperation.serve(
            bus,
            address,
            request ->
                action
                    .apply(request.accountId(), jobId(request.body()))
                    .map(job -> new JsonObject().put("job", job.toJson())))
        .completion();
  }

  private static Future<JsonObject> fetch(Scheduler scheduler, BusRequest request) {
    String type = optionalString(request.body(), "type");
    return scheduler
        .list(request.accountId())
        .map(
            jobs ->
                new JsonObject()
                    .put(
                        "jobs",
                        new JsonArray(
                            jobs.stream()
                                .filter(job -> type == null || type.equals(job.type()))
                                .map(Job::toJson)
                                .toList())));
  }

  static String jobId(JsonObject body) {
    String id = optionalString(body, "jobId");
    if (id == null || id.isBlank()) {
      throw GatewayException.invalid("jobId is required");
    }
    return id.trim();
  }

  private static String optionalString(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw GatewayException.invalid(field + " must be a string");
    }
    return (String) value;
  }
}
