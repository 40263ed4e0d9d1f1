package com.apisec.gateway.sandbox;

import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.sandbox.jira.JiraCloudStandIn;
import com.apisec.gateway.sandbox.jira.JiraDataCenterStandIn;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vendor sandbox: one HTTP server with a stand-in per vendor under {@code /<vendor>}, plus the
 * control endpoints described in {@link ControlApi}. It runs in development mode and in tests;
 * production never deploys it.
 */
public final class SandboxVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SandboxVerticle.class);

  private final GatewayConfig.Sandbox config;
  private final List<RequestCheck> checks;
  private final Map<String, StandIn> standIns = new LinkedHashMap<>();
  private VendorGate gate;
  private HttpServer server;

  /** A sandbox with every stand-in this version has, and the given checks (none in production). */
  public SandboxVerticle(GatewayConfig.Sandbox config, List<RequestCheck> checks) {
    this(config, checks, defaultStandIns());
  }

  public SandboxVerticle(
      GatewayConfig.Sandbox config, List<RequestCheck> checks, List<StandIn> standIns) {
    this.config = config;
    this.checks = List.copyOf(checks);
    for (StandIn standIn : standIns) {
      if (this.standIns.put(standIn.vendor(), standIn) != null) {
        throw new IllegalArgumentException("two stand-ins for vendor " + standIn.vendor());
      }
    }
  }

  /** A fresh instance of every stand-in, in the order they are mounted. */
  public static List<StandIn> defaultStandIns() {
    return List.of(new JiraCloudStandIn(), new JiraDataCenterStandIn());
  }

  @Override
  public Future<?> start() {
    SandboxLog log = new SandboxLog();
    gate = new VendorGate(vertx, SandboxChecks.withInstalled(vertx, checks), log);
    Router router = Router.router(vertx);
    new ControlApi(standIns, gate, log).mount(router);
    BodyReader bodies = new BodyReader();
    standIns.values().forEach(standIn -> mount(router, bodies, standIn));
    router.route().handler(ctx -> plainError(ctx, 404, "no stand-in at this path"));
    router.route().failureHandler(ctx -> failed(ctx, null));
    warnUnknownRoutes();

    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(config.port(), config.host())
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    if (gate != null) {
      gate.cancelTimers();
    }
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** The port actually bound (the config may ask for 0, any free port). */
  public int port() {
    return server.actualPort();
  }

  private void mount(Router router, BodyReader bodies, StandIn standIn) {
    Router vendorRouter = Router.router(vertx);
    standIn.mount(vendorRouter);
    vendorRouter
        .route()
        .handler(ctx -> vendorError(ctx, standIn, 404, "No stand-in route for this path."));
    vendorRouter.route().failureHandler(ctx -> failed(ctx, standIn));

    String prefix = "/" + standIn.vendor() + "/*";
    router.route(prefix).handler(bodies);
    router.route(prefix).handler(ctx -> gate.handle(ctx, standIn));
    router.route(prefix).subRouter(vendorRouter);
  }

  private void failed(RoutingContext ctx, StandIn standIn) {
    int status = ctx.statusCode() < 400 ? 500 : ctx.statusCode();
    if (status == 500) {
      LOG.error("sandbox handler failed [path: {}]", ctx.request().path(), ctx.failure());
    }
    if (ctx.response().ended()) {
      return;
    }
    String message = status == 413 ? "Request body too large." : "Sandbox error " + status + ".";
    if (standIn == null) {
      plainError(ctx, status, message);
    } else {
      vendorError(ctx, standIn, status, message);
    }
  }

  private static void vendorError(RoutingContext ctx, StandIn standIn, int status, String text) {
    VendorGate.send(ctx, status, null, standIn.errorBody(status, List.of(text)));
  }

  private static void plainError(RoutingContext ctx, int status, String message) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", message).encode());
  }

  private void warnUnknownRoutes() {
    config
        .routes()
        .forEach(
            (host, vendor) -> {
              if (!standIns.containsKey(vendor)) {
                LOG.warn("sandbox route names no stand-in [host: {}, vendor: {}]", host, vendor);
              }
            });
  }
}
