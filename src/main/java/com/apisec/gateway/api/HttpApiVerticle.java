package com.apisec.gateway.api;

import com.apisec.gateway.core.BusRequest;
import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.core.Health;
import com.apisec.gateway.core.LiveConfig;
import com.apisec.gateway.core.MemberRequests;
import com.apisec.gateway.core.Metrics;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API: routes, tokens, permissions and error bodies. It knows nothing of vendors; every
 * operation is a request on the event bus to the address the route table names.
 */
public final class HttpApiVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApiVerticle.class);
  private static final String PREFIX = "/api/";

  private final LiveConfig live;
  private final TokenVerifierFactory verifiers;
  private final Supplier<Future<Health>> readiness;
  private volatile Handlers handlers;
  private HttpServer server;
  private MemberRequests members;

  /** Builds the token verifier for a config (its keys); called again when the keys reload. */
  public interface TokenVerifierFactory {
    TokenVerifier create(Vertx vertx, GatewayConfig config);
  }

  /** What a reload rebuilds: token keys, body limit, CORS origins. */
  private record Handlers(
      GatewayConfig config, TokenVerifier verifier, BodyHandler body, CorsHandler cors) {}

  /** {@code readiness} answers {@code GET /health}, with one check per component. */
  public HttpApiVerticle(
      LiveConfig live, TokenVerifierFactory verifiers, Supplier<Future<Health>> readiness) {
    this.live = live;
    this.verifiers = verifiers;
    this.readiness = readiness;
  }

  @Override
  public Future<?> start() {
    handlers = handlers(live.get());
    live.onChange(next -> handlers = handlers(next));
    IdleConnections idle = new IdleConnections(vertx, () -> live.get().http().idleTimeoutMs());
    Router router = Router.router(vertx);
    router.route().handler(idle::requestArrived);
    router.route().handler(this::cors);
    router.get("/health").handler(this::health);
    router.get("/metrics").handler(this::metrics);
    String openApi = OpenApiDocument.load().encode();
    router
        .get("/openapi.json")
        .handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end(openApi));
    router.post(PREFIX + "*").handler(this::readBody);
    router.post(PREFIX + "*").handler(this::dispatch);
    router.route().handler(ctx -> ErrorBodies.send(ctx.response(), 404, "Not found"));
    router.route().failureHandler(this::failure);
    members = new MemberRequests(vertx);
    return members
        .start()
        .compose(
            ignored ->
                vertx
                    .createHttpServer(serverOptions())
                    .connectionHandler(idle::opened)
                    .invalidRequestHandler(HttpApiVerticle::invalidRequest)
                    .requestHandler(router)
                    .listen(live.get().http().port(), live.get().http().host()))
        .onSuccess(s -> server = s);
  }

  /**
   * HTTP/1.1 only. With cleartext HTTP/2 on, Vert.x hands over a connection only once its first
   * head has arrived (to see whether it asks for an upgrade), so a head that never ends would never
   * reach the idle clock. Browsers never speak cleartext HTTP/2 anyway.
   */
  private static HttpServerOptions serverOptions() {
    return new HttpServerOptions().setHttp2ClearTextEnabled(false);
  }

  private Handlers handlers(GatewayConfig config) {
    CorsHandler cors =
        config.http().corsOrigins().isEmpty()
            ? null
            : CorsHandler.create()
                .addOrigins(config.http().corsOrigins())
                .allowedMethod(HttpMethod.POST)
                .allowedHeader("Authorization")
                .allowedHeader("access-token")
                .allowedHeader("Content-Type");
    BodyHandler body = BodyHandler.create(false).setBodyLimit(config.http().bodyLimitBytes());
    return new Handlers(config, verifiers.create(vertx, config), body, cors);
  }

  /**
   * Collects the body under the configured limit, to be read as JSON whatever its Content-Type
   * says: {@code curl -d} labels JSON as a form. The body handler decodes a form-labelled body as a
   * form (Vert.x's form limits then answer a bare 400 past about 1 KB) and drops a multipart one;
   * without the label it only collects the bytes. Nothing after this reads the label.
   */
  private void readBody(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!request.isEnded()) {
      long limitMs = live.get().http().bodyTimeoutMs();
      long timer = vertx.setTimer(limitMs, t -> bodyTooSlow(ctx, limitMs));
      ctx.addEndHandler(done -> vertx.cancelTimer(timer));
    }
    request.headers().remove(HttpHeaders.CONTENT_TYPE);
    handlers.body().handle(ctx);
  }

  /** A body still arriving after the limit: 408, and the connection goes, so it cannot hold on. */
  private static void bodyTooSlow(RoutingContext ctx, long limitMs) {
    if (ctx.request().isEnded()) {
      return;
    }
    LOG.debug("request body not received in time [path: {}]", sanitize(ctx.request().path()));
    ErrorBodies.send(ctx.response(), 408, "request body not received within " + limitMs + " ms");
    ctx.request().connection().close();
  }

  private void cors(RoutingContext ctx) {
    CorsHandler cors = handlers.cors();
    if (cors == null) {
      ctx.next();
    } else {
      cors.handle(ctx);
    }
  }

  /** The port actually bound (useful when the config asks for port 0). */
  public int port() {
    return server.actualPort();
  }

  private void health(RoutingContext ctx) {
    readiness
        .get()
        .otherwise(e -> Health.flag(false))
        .onSuccess(
            health -> {
              boolean up = health.ready();
              JsonObject body =
                  new JsonObject()
                      .put("status", up ? "UP" : "DOWN")
                      .put("live", true)
                      .put("ready", up)
                      .put("checks", health.checks());
              ctx.response()
                  .setStatusCode(up ? 200 : 503)
                  .putHeader("Content-Type", "application/json")
                  .end(body.encode());
            });
  }

  private void metrics(RoutingContext ctx) {
    if (!live.get().http().metricsRequireToken()) {
      sendMetrics(ctx);
      return;
    }
    handlers
        .verifier()
        .verify(token(ctx))
        .onSuccess(caller -> sendMetrics(ctx))
        .onFailure(e -> ErrorBodies.send(ctx.response(), 401, "Unauthorized"));
  }

  private static void sendMetrics(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(Metrics.scrape());
  }

  private void dispatch(RoutingContext ctx) {
    String name = ctx.request().path().substring(PREFIX.length());
    Operation op = Operations.find(name).orElse(null);
    long started = System.nanoTime();
    String label = op == null ? "unknown" : op.name();
    ctx.addEndHandler(
        done ->
            Metrics.request(label, ctx.response().getStatusCode(), System.nanoTime() - started));
    if (op == null) {
      ErrorBodies.send(ctx.response(), 404, "Not found");
      return;
    }
    handlers
        .verifier()
        .verify(token(ctx))
        .onFailure(e -> ErrorBodies.send(ctx.response(), 401, "Unauthorized"))
        .onSuccess(caller -> authorized(ctx, op, caller));
  }

  private void authorized(RoutingContext ctx, Operation op, Caller caller) {
    if (!caller.may(op.feature(), op.access())) {
      String role = caller.role().isEmpty() ? "UNKNOWN" : caller.role();
      ErrorBodies.send(
          ctx.response(), 403, "The role '" + sanitize(role) + "' does not have access.");
      return;
    }
    JsonObject body;
    try {
      body = parseBody(ctx.body().buffer());
    } catch (GatewayException e) {
      ErrorBodies.send(ctx.response(), 422, e.getMessage());
      return;
    }
    LOG.debug("request [operation: {}, account: {}]", op.name(), caller.accountId());
    BusRequest request = new BusRequest(caller.accountId(), caller.subject(), body);
    send(op.address(), request.toJson())
        .onSuccess(reply -> ok(ctx, reply.body()))
        .onFailure(e -> replyFailure(ctx, op, e));
  }

  /**
   * Asks this node's own verticle first: a request is then served where it arrived, and the death
   * of another member cannot strand it. Only when no verticle of this node serves the address (an
   * API-only node, {@code node.integrations: false}) does it go to another member.
   */
  private Future<Message<Object>> send(String address, JsonObject request) {
    DeliveryOptions here = new DeliveryOptions().setSendTimeout(busTimeoutMs()).setLocalOnly(true);
    return vertx
        .eventBus()
        .<Object>request(address, request, here)
        .recover(e -> noHandlerHere(e) ? anyMember(address, request) : Future.failedFuture(e));
  }

  /**
   * The event bus picks a member that serves the address; if that member leaves the cluster before
   * it answers, the request fails with 503 at once (see {@link MemberRequests}).
   */
  private Future<Message<Object>> anyMember(String address, JsonObject request) {
    return members.request(address, request, busTimeoutMs());
  }

  private static boolean noHandlerHere(Throwable e) {
    return e instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS;
  }

  private long busTimeoutMs() {
    var out = live.get().outbound();
    long perAttempt = out.requestTimeoutMs() + out.connectTimeoutMs();
    return perAttempt * (out.maxAttempts() + 1) + out.maxRetryAfterSeconds() * 1000L + 5_000;
  }

  private static void ok(RoutingContext ctx, Object reply) {
    ctx.response()
        .setStatusCode(200)
        .putHeader("Content-Type", "application/json")
        .end(reply == null ? "null" : Json.encode(reply));
  }

  private static void replyFailure(RoutingContext ctx, Operation op, Throwable e) {
    if (!(e instanceof ReplyException reply)) {
      ErrorBodies.internal(ctx.response(), null, e);
      return;
    }
    switch (reply.failureType()) {
      case NO_HANDLERS, ERROR -> unavailable(ctx, op, reply);
      case TIMEOUT -> ErrorBodies.send(ctx.response(), 504, "Timed out: " + op.name());
      default -> recipientFailure(ctx, reply);
    }
  }

  /** No handler, or the member holding it could not be reached (it may just have left). */
  private static void unavailable(RoutingContext ctx, Operation op, ReplyException reply) {
    if (reply.failureType() == ReplyFailure.ERROR) {
      LOG.warn("event bus delivery failed [operation: {}]: {}", op.name(), reply.getMessage());
    }
    ErrorBodies.send(ctx.response(), 503, "Service unavailable");
  }

  private static void recipientFailure(RoutingContext ctx, ReplyException reply) {
    int code = reply.failureCode();
    if (code >= 400 && code < 500) {
      ErrorBodies.send(ctx.response(), code, reply.getMessage());
    } else if (code == 503) {
      ErrorBodies.send(ctx.response(), 503, reply.getMessage());
    } else {
      ErrorBodies.internal(ctx.response(), reply.getMessage(), null);
    }
  }

  private void failure(RoutingContext ctx) {
    int status = ctx.statusCode();
    if (status < 400 && brokenRequest(ctx)) {
      return;
    }
    if (status == 413) {
      ErrorBodies.send(
          ctx.response(),
          413,
          "request body is over the limit of " + live.get().http().bodyLimitBytes() + " bytes");
    } else if (status >= 400 && status < 500) {
      ErrorBodies.send(ctx.response(), status, status == 404 ? "Not found" : "Bad request");
    } else {
      ErrorBodies.internal(ctx.response(), null, ctx.failure());
    }
  }

  /**
   * A failure while the request itself was still arriving (the client went away, or sent framing
   * that does not parse, such as a bad chunk size) is the client's, not a bug: logged at DEBUG and
   * answered 400 if the connection can still take an answer.
   */
  private static boolean brokenRequest(RoutingContext ctx) {
    Throwable cause = ctx.failure();
    if (ctx.request().isEnded() && !(cause instanceof HttpClosedException)) {
      return false;
    }
    LOG.debug(
        "request broken off [path: {}]: {}",
        sanitize(ctx.request().path()),
        cause == null ? "" : sanitize(cause.getClass().getSimpleName()));
    if (!(cause instanceof HttpClosedException)) {
      ErrorBodies.send(ctx.response(), 400, "Bad request");
      ctx.request().connection().close();
    }
    return true;
  }

  static String token(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).trim();
    }
    String dashboard = ctx.request().getHeader("access-token");
    return dashboard == null ? null : dashboard.trim();
  }

  /**
   * A request whose head does not parse, answered with the API's error body; the connection is
   * closed once the answer ends.
   */
  private static void invalidRequest(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    if (cause instanceof TooLongHttpLineException) {
      ErrorBodies.send(request.response(), 414, "request line too long");
    } else if (cause instanceof TooLongHttpHeaderException) {
      ErrorBodies.send(request.response(), 431, "request headers too large");
    } else {
      ErrorBodies.send(request.response(), 400, "malformed HTTP request");
    }
  }

  /** The body as a JSON object (empty for no body); anything else is a 422 saying why. */
  static JsonObject parseBody(Buffer buffer) {
    if (buffer == null || buffer.length() == 0 || buffer.toString().isBlank()) {
      return new JsonObject();
    }
    Object value;
    try {
      value = Json.decodeValue(buffer);
    } catch (DecodeException e) {
      if (tooDeep(e)) {
        throw GatewayException.invalid("request body is nested too deeply");
      }
      value = null;
    }
    if (value instanceof JsonObject json) {
      return json;
    }
    throw GatewayException.invalid("request body must be a JSON object");
  }

  /** Whether the parser stopped at its nesting limit rather than at a syntax error. */
  private static boolean tooDeep(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StreamConstraintsException) {
        return true;
      }
    }
    return false;
  }

  private static String sanitize(String text) {
    return text.replaceAll("[\\r\\n\\p{Cntrl}]", "").replace("'", "");
  }

  /** Stops accepting connections and waits up to {@code grace} for in-flight requests. */
  public Future<Void> shutdown(Duration grace) {
    return server == null
        ? Future.succeededFuture()
        : server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public Future<?> stop() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return closed.eventually(() -> members == null ? Future.succeededFuture() : members.stop());
  }
}
