package com.apisec.gateway.outbound;

import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.Metrics;
import com.apisec.gateway.outbound.OutboundException.Kind;
import com.apisec.gateway.outbound.OutboundRequest.Retry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP client every integration uses: normalised URLs, sandbox routing in development, the
 * destination guard, timeouts, no redirects, and the retry rules of the API contract. Logs name the
 * vendor, method, host and path, never headers, queries or bodies.
 */
public final class OutboundClient {
  /** Added to calls routed to the sandbox: the vendor host the call was meant for. */
  public static final String SANDBOX_HOST_HEADER = "X-Sandbox-Host";

  private static final Logger LOG = LoggerFactory.getLogger(OutboundClient.class);
  private static final long BACKOFF_BASE_MS = 250;
  private static final long BACKOFF_MAX_MS = 8_000;

  private final Vertx vertx;
  private final Supplier<GatewayConfig> config;
  private final SandboxRoutes sandbox;
  private final WebClient client;

  /**
   * For IPv6 literal hosts: TLS server names carry host names only (the JDK refuses an IPv6 address
   * there), so these calls name no server, as a browser's do.
   */
  private final WebClient literalClient;

  private volatile Guarded guarded;

  /**
   * The guards for one allow-list, rebuilt when a reload changes the list: one for calls as they
   * were asked, one for calls routed to the sandbox, which alone may reach the sandbox's address.
   */
  private record Guarded(
      java.util.List<String> allowed, DestinationGuard direct, DestinationGuard routed) {}

  public OutboundClient(Vertx vertx, GatewayConfig config) {
    this(vertx, () -> config);
  }

  /** A client that reads its limits and allow-list from the live config on every call. */
  public OutboundClient(Vertx vertx, Supplier<GatewayConfig> config) {
    this.vertx = vertx;
    this.config = config;
    this.sandbox = SandboxRoutes.from(config.get());
    WebClientOptions options = new WebClientOptions().setUserAgent("integration-gateway");
    options.setFollowRedirects(false);
    options.setForceSni(true);
    options.setDecompressionSupported(true);
    this.client = WebClient.create(vertx, options);
    this.literalClient = WebClient.create(vertx, new WebClientOptions(options).setForceSni(false));
  }

  public Future<OutboundResponse> send(OutboundRequest request) {
    VendorUrl vendorUrl;
    try {
      vendorUrl = VendorUrl.parse(request.url());
    } catch (OutboundException e) {
      return Future.failedFuture(e);
    }
    VendorUrl target = sandbox.route(vendorUrl);
    // A call routed to the sandbox names the host it was meant for.
    String sandboxHost = target == vendorUrl ? null : vendorUrl.host();
    return guard(sandboxHost != null)
        .check(target.host(), target.port())
        .compose(address -> attempt(request, new Target(target, sandboxHost, address), 1));
  }

  /** Where the attempts of one call go: the URL, the resolved address, the sandbox header. */
  private record Target(VendorUrl url, String sandboxHost, InetAddress address) {}

  private DestinationGuard guard(boolean routedToSandbox) {
    java.util.List<String> allowed = config.get().outbound().allowedDestinations();
    Guarded current = guarded;
    if (current == null || !current.allowed().equals(allowed)) {
      Set<String> withSandbox = new HashSet<>(allowed);
      withSandbox.addAll(sandbox.allowedDestinations());
      current =
          new Guarded(
              allowed,
              new DestinationGuard(vertx, new HashSet<>(allowed)),
              new DestinationGuard(vertx, withSandbox));
      guarded = current;
    }
    return routedToSandbox ? current.routed() : current.direct();
  }

  private Future<OutboundResponse> attempt(OutboundRequest request, Target target, int attempt) {
    return once(request, target)
        .transform(
            done -> {
              long waitMs = retryDelay(request, done.result(), done.cause(), attempt);
              if (waitMs < 0) {
                return done.succeeded() ? Future.succeededFuture(done.result()) : failure(done);
              }
              Metrics.retry(request.vendor());
              LOG.warn(
                  "vendor call retried [vendor: {}, host: {}, attempt: {}, wait ms: {}]",
                  request.vendor(),
                  target.url().host(),
                  attempt,
                  waitMs);
              return vertx
                  .timer(Math.max(1, waitMs))
                  .compose(t -> attempt(request, target, attempt + 1));
            });
  }

  private Future<OutboundResponse> once(OutboundRequest request, Target target) {
    VendorUrl url = target.url();
    GatewayConfig.Outbound limits = config.get().outbound();
    RequestOptions options = options(url, limits);
    SocketAddress server =
        SocketAddress.inetSocketAddress(url.port(), target.address().getHostAddress());
    var call =
        (url.ipv6Literal() ? literalClient : client)
            .request(request.method(), server, options)
            .putHeaders(request.headers())
            .timeout(limits.requestTimeoutMs());
    if (target.sandboxHost() != null) {
      call.putHeader(SANDBOX_HOST_HEADER, target.sandboxHost());
    }
    Future<HttpResponse<io.vertx.core.buffer.Buffer>> sent =
        request.body() == null ? call.send() : call.sendBuffer(request.body());
    LOG.debug(
        "vendor call [vendor: {}, method: {}, host: {}]",
        request.vendor(),
        request.method(),
        url.host());
    long started = System.nanoTime();
    return sent.map(r -> new OutboundResponse(r.statusCode(), r.headers(), r.body()))
        .recover(e -> Future.failedFuture(classify(request, e)))
        .onComplete(
            done ->
                Metrics.vendorCall(
                    request.vendor(),
                    done.succeeded()
                        ? Integer.toString(done.result().status())
                        : ((OutboundException) done.cause()).kind().name(),
                    System.nanoTime() - started));
  }

  static RequestOptions options(VendorUrl url, GatewayConfig.Outbound limits) {
    return new RequestOptions()
        .setConnectTimeout(limits.connectTimeoutMs())
        .setHost(url.hostHeader())
        .setPort(url.port())
        .setSsl(url.https())
        .setURI(url.pathAndQuery())
        .setFollowRedirects(false);
  }

  /** Milliseconds to wait before the next attempt, or -1 when the outcome is final. */
  private long retryDelay(
      OutboundRequest request, OutboundResponse response, Throwable cause, int attempt) {
    GatewayConfig.Outbound limits = config.get().outbound();
    if (attempt >= limits.maxAttempts()) {
      return -1;
    }
    if (response != null) {
      boolean retryable =
          response.status() == 429
              || (request.retry() == Retry.IDEMPOTENT && response.status() >= 500);
      return retryable ? afterResponse(limits, response, attempt) : -1;
    }
    if (cause instanceof OutboundException e) {
      boolean retryable =
          e.kind() == Kind.NOT_SENT
              || (request.retry() == Retry.IDEMPOTENT && e.kind() == Kind.UNKNOWN);
      return retryable ? backoff(attempt) : -1;
    }
    return -1;
  }

  private static long afterResponse(
      GatewayConfig.Outbound limits, OutboundResponse response, int attempt) {
    Long seconds = RetryAfter.seconds(response.headers().get("Retry-After"));
    if (seconds == null) {
      return backoff(attempt);
    }
    return seconds > limits.maxRetryAfterSeconds() ? -1 : seconds * 1000;
  }

  private static long backoff(int attempt) {
    long ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS << Math.min(attempt, 10));
    return ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
  }

  private static Future<OutboundResponse> failure(io.vertx.core.AsyncResult<?> done) {
    return Future.failedFuture(done.cause());
  }

  /** The failure as the caller sees it: named by the vendor's own host, even in the sandbox. */
  private static OutboundException classify(OutboundRequest request, Throwable e) {
    String what = request.vendor() + " at " + where(VendorUrl.parse(request.url()));
    if (e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || e instanceof io.netty.channel.ConnectTimeoutException) {
      return new OutboundException(Kind.NOT_SENT, "could not connect to " + what);
    }
    SSLHandshakeException tls = tlsFailure(e);
    if (tls != null) {
      // the request is sent only once the handshake is done
      return new OutboundException(
          Kind.NOT_SENT, "TLS with " + what + " failed: " + shortReason(tls.getMessage()));
    }
    if (e instanceof java.util.concurrent.TimeoutException
        || e.getClass().getSimpleName().contains("Timeout")) {
      return new OutboundException(Kind.UNKNOWN, what + " did not answer in time");
    }
    return new OutboundException(Kind.UNKNOWN, "connection to " + what + " failed");
  }

  /** The host, and the port when it is not the scheme's own. */
  private static String where(VendorUrl url) {
    String origin = url.origin();
    return origin.substring(origin.indexOf("://") + 3);
  }

  private static SSLHandshakeException tlsFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLHandshakeException tls) {
        return tls;
      }
    }
    return null;
  }

  /** The handshake's reason (a certificate that does not fit, say), on one line and short. */
  private static String shortReason(String reason) {
    String text = reason == null ? "handshake refused" : reason.replaceAll("\\s+", " ").trim();
    return text.length() <= 160 ? text : text.substring(0, 160) + "...";
  }

  public void close() {
    client.close();
    literalClient.close();
  }
}
