package com.apisec.gateway.sandbox;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every call to a stand-in goes through before the stand-in sees it: it is recorded, checked
 * against the installed contract checks (off the event loop), then held or failed when a failure
 * switch is set for its vendor.
 */
final class VendorGate {
  private static final Logger LOG = LoggerFactory.getLogger(VendorGate.class);

  private final Vertx vertx;
  private final List<RequestCheck> checks;
  private final SandboxLog log;
  private final Map<String, FailureSwitch> switches = new HashMap<>();
  private final Set<Long> timers = new HashSet<>();

  VendorGate(Vertx vertx, List<RequestCheck> checks, SandboxLog log) {
    this.vertx = vertx;
    this.checks = List.copyOf(checks);
    this.log = log;
  }

  void handle(RoutingContext ctx, StandIn standIn) {
    RecordedRequest request = RecordedRequest.from(standIn.vendor(), ctx);
    log.record(request);
    LOG.debug(
        "sandbox call [vendor: {}, method: {}, path: {}]",
        request.vendor(),
        request.method(),
        request.path());

    check(request)
        .onSuccess(violations -> checked(ctx, standIn, request, violations))
        .onFailure(ctx::fail);
  }

  void setSwitch(String vendor, FailureSwitch failure) {
    if (failure.remaining() > 0) {
      switches.put(vendor, failure);
    } else {
      switches.remove(vendor);
    }
  }

  void clearSwitches() {
    switches.clear();
  }

  void cancelTimers() {
    timers.forEach(vertx::cancelTimer);
    timers.clear();
  }

  private Future<List<String>> check(RecordedRequest request) {
    if (checks.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return vertx.executeBlocking(() -> runChecks(request), false);
  }

  private List<String> runChecks(RecordedRequest request) {
    List<String> violations = new ArrayList<>();
    for (RequestCheck check : checks) {
      try {
        violations.addAll(check.violations(request.vendor(), request));
      } catch (RuntimeException e) {
        violations.add("check " + check.getClass().getSimpleName() + " failed: " + e);
      }
    }
    return violations;
  }

  private void checked(
      RoutingContext ctx, StandIn standIn, RecordedRequest request, List<String> violations) {
    if (!violations.isEmpty()) {
      log.violation(request, violations);
      LOG.warn(
          "sandbox call breaks the contract [vendor: {}, method: {}, path: {}, violations: {}]",
          request.vendor(),
          request.method(),
          request.path(),
          violations.size());
      List<String> messages = violations.stream().map(v -> "contract: " + v).toList();
      send(ctx, 400, null, standIn.errorBody(400, messages));
      return;
    }

    FailureSwitch failure = take(standIn.vendor(), request.path());
    if (failure == null) {
      ctx.next();
    } else if (failure.delayMs() > 0) {
      later(failure.delayMs(), () -> answer(ctx, standIn, failure));
    } else {
      answer(ctx, standIn, failure);
    }
  }

  private FailureSwitch take(String vendor, String path) {
    FailureSwitch failure = switches.get(vendor);
    if (failure == null || !failure.appliesTo(path)) {
      return null;
    }
    setSwitch(vendor, failure.used());
    return failure;
  }

  private void later(long delayMs, Runnable action) {
    long id =
        vertx.setTimer(
            delayMs,
            fired -> {
              timers.remove(fired);
              action.run();
            });
    timers.add(id);
  }

  private static void answer(RoutingContext ctx, StandIn standIn, FailureSwitch failure) {
    if (ctx.response().closed() || ctx.response().ended()) {
      return;
    }
    if (!failure.fails()) {
      ctx.next();
      return;
    }
    StandIn.ErrorBody body =
        failure.body() != null
            ? new StandIn.ErrorBody(failure.contentType(), failure.body())
            : standIn.errorBody(failure.status(), List.of(reason(failure.status())));
    send(ctx, failure.status(), failure.retryAfter(), body);
  }

  static void send(RoutingContext ctx, int status, String retryAfter, StandIn.ErrorBody body) {
    if (retryAfter != null) {
      ctx.response().putHeader("Retry-After", retryAfter);
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", body.contentType())
        .end(body.text());
  }

  private static String reason(int status) {
    return HttpResponseStatus.valueOf(status).reasonPhrase();
  }
}
