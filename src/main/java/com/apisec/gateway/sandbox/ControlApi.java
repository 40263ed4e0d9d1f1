package com.apisec.gateway.sandbox;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's own endpoints, for people and tests: failure switches and vendor settings ({@code
 * POST /_control}), a clean slate ({@code POST /_reset}), and what was received ({@code GET
 * /_requests}, {@code GET /_violations}, both taking an optional {@code vendor}).
 */
final class ControlApi {
  private final Map<String, StandIn> standIns;
  private final VendorGate gate;
  private final SandboxLog log;

  ControlApi(Map<String, StandIn> standIns, VendorGate gate, SandboxLog log) {
    this.standIns = standIns;
    this.gate = gate;
    this.log = log;
  }

  void mount(Router router) {
    router.post("/_control").handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
    router.post("/_control").handler(this::control);
    router.post("/_reset").handler(this::reset);
    router.get("/_requests").handler(ctx -> list(ctx, log.requests(vendor(ctx))));
    router.get("/_violations").handler(ctx -> list(ctx, log.violations(vendor(ctx))));
  }

  private void control(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      badRequest(ctx, "the body must be a JSON object");
      return;
    }
    StandIn standIn = body == null ? null : standIns.get(body.getString("vendor", ""));
    if (standIn == null) {
      badRequest(ctx, "vendor must be one of " + standIns.keySet());
      return;
    }

    try {
      Optional<FailureSwitch> failure = FailureSwitch.from(body);
      standIn.control(body);
      failure.ifPresent(f -> gate.setSwitch(standIn.vendor(), f));
      JsonObject reply = new JsonObject().put("vendor", standIn.vendor());
      failure.ifPresent(f -> reply.mergeIn(f.toJson()));
      json(ctx, 200, reply.encode());
    } catch (IllegalArgumentException | ClassCastException e) {
      badRequest(ctx, e.getMessage());
    }
  }

  private void reset(RoutingContext ctx) {
    gate.clearSwitches();
    log.clear();
    standIns.values().forEach(StandIn::reset);
    ctx.response().setStatusCode(204).end();
  }

  private String vendor(RoutingContext ctx) {
    return ctx.request().getParam("vendor");
  }

  private void list(RoutingContext ctx, JsonArray entries) {
    String vendor = vendor(ctx);
    if (vendor != null && !standIns.containsKey(vendor)) {
      badRequest(ctx, "vendor must be one of " + standIns.keySet());
      return;
    }
    json(ctx, 200, entries.encode());
  }

  private static void badRequest(RoutingContext ctx, String message) {
    json(ctx, 400, new JsonObject().put("error", message).encode());
  }

  private static void json(RoutingContext ctx, int status, String body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
  }
}
