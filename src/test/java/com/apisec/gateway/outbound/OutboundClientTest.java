package com.apisec.gateway.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.core.TestConfigs;
import com.apisec.gateway.outbound.OutboundException.Kind;
import com.apisec.gateway.outbound.OutboundRequest.Retry;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class OutboundClientTest {
  @TempDir Path dataDir;
  private Vertx vertx;
  private int port;
  private final AtomicInteger calls = new AtomicInteger();
  private final List<HttpServerRequest> seen = new CopyOnWriteArrayList<>();
  private volatile Consumer<HttpServerRequest> behaviour = r -> r.response().end("ok");

  @BeforeEach
  void startVendor(Vertx vertx) {
    this.vertx = vertx;
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  calls.incrementAndGet();
                  seen.add(request);
                  behaviour.accept(request);
                })
            .listen(0, "127.0.0.1")
            .await();
    port = server.actualPort();
  }

  @Test
  void send_loopbackNotAllowed_isRefusedBeforeAnyCall() {
    OutboundClient client = new OutboundClient(vertx, config(List.of()));

    OutboundException e = failure(client, get("http://127.0.0.1:" + port + "/x"));

    assertEquals(Kind.REFUSED, e.kind());
    assertEquals(0, calls.get());
  }

  @Test
  void send_readOn503_retriesUpToMaxAttempts() {
    behaviour = r -> r.response().setStatusCode(503).end("<html>down</html>");
    OutboundClient client = new OutboundClient(vertx, allowed());

    OutboundResponse response = client.send(get(url("/r"))).await();

    assertEquals(503, response.status());
    assertEquals(3, calls.get());
    String metrics = com.apisec.gateway.core.Metrics.scrape();
    assertTrue(metrics.contains("gateway_vendor_retries_total{vendor=\"test\"}"), metrics);
    assertTrue(metrics.contains("outcome=\"503\",vendor=\"test\""), metrics);
  }

  @Test
  void send_createOn503_isNotRetried() {
    behaviour = r -> r.response().setStatusCode(503).end();
    OutboundClient client = new OutboundClient(vertx, allowed());

    OutboundResponse response = client.send(create(url("/issue"))).await();

    assertEquals(503, response.status());
    assertEquals(1, calls.get());
  }

  @Test
  void send_createOn429_waitsRetryAfterThenSucceeds() {
    behaviour =
        r -> {
          if (calls.get() == 1) {
            r.response().setStatusCode(429).putHeader("Retry-After", "1").end();
          } else {
            r.response().setStatusCode(201).end("{\"key\":\"SCRUM-1\"}");
          }
        };
    OutboundClient client = new OutboundClient(vertx, allowed());
    long started = System.nanoTime();

    OutboundResponse response = client.send(create(url("/issue"))).await();

    assertEquals(201, response.status());
    assertEquals(2, calls.get());
    assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(900));
  }

  @Test
  void send_retryAfterLongerThanMaximum_returnsTheRateLimitWithoutWaiting() {
    behaviour = r -> r.response().setStatusCode(429).putHeader("Retry-After", "120").end();
    OutboundClient client = new OutboundClient(vertx, allowed());

    OutboundResponse response = client.send(get(url("/r"))).await();

    assertEquals(429, response.status());
    assertEquals(1, calls.get());
  }

  @Test
  void send_clientError_isNeverRetried() {
    behaviour = r -> r.response().setStatusCode(400).end("{\"errorMessages\":[\"bad\"]}");
    OutboundClient client = new OutboundClient(vertx, allowed());

    OutboundResponse response = client.send(get(url("/r"))).await();

    assertEquals(400, response.status());
    assertEquals(1, calls.get());
  }

  @Test
  void send_redirect_isReturnedNotFollowed() {
    behaviour = r -> r.response().setStatusCode(302).putHeader("Location", url("/other")).end();
    OutboundClient client = new OutboundClient(vertx, allowed());

    OutboundResponse response = client.send(get(url("/r"))).await();

    assertEquals(302, response.status());
    assertEquals(1, calls.get());
  }

  @Test
  void send_slowVendorOnCreate_failsAsUnknownOutcomeAfterOneAttempt() {
    behaviour = r -> vertx.setTimer(3_000, t -> r.response().end());
    OutboundClient client = new OutboundClient(vertx, allowed());

    OutboundException e = failure(client, create(url("/issue")));

    assertEquals(Kind.UNKNOWN, e.kind());
    assertEquals(1, calls.get());
  }

  @Test
  void send_connectionRefused_isNotSent() {
    int closedPort = TestConfigs.freePort();
    OutboundClient client = new OutboundClient(vertx, config(List.of("127.0.0.1:" + closedPort)));

    OutboundException e = failure(client, create("http://127.0.0.1:" + closedPort + "/issue"));

    assertEquals(Kind.NOT_SENT, e.kind());
  }

  @Test
  void send_certificateNotTrusted_isNotSentAndSaysTlsFailed() {
    SelfSignedCertificate certificate = SelfSignedCertificate.create("vendor.example");
    HttpServer tls =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setSsl(true)
                    .setKeyCertOptions(certificate.keyCertOptions()))
            .requestHandler(
                request -> {
                  calls.incrementAndGet();
                  request.response().end("{}");
                })
            .listen(0, "127.0.0.1")
            .await();
    int tlsPort = tls.actualPort();
    OutboundClient client = new OutboundClient(vertx, config(List.of("127.0.0.1:" + tlsPort)));

    OutboundException e = failure(client, create("https://127.0.0.1:" + tlsPort + "/issue"));

    assertEquals(Kind.NOT_SENT, e.kind());
    assertTrue(
        e.getMessage().startsWith("TLS with test at 127.0.0.1:" + tlsPort + " failed: "),
        e.getMessage());
    assertEquals(0, calls.get());
  }

  @Test
  void send_doubleSlashesAndHostHeader_areNormalised() {
    OutboundClient client = new OutboundClient(vertx, allowed());

    client.send(get("http://127.0.0.1:" + port + "//rest//api/3/x?a=1")).await();

    assertEquals("/rest/api/3/x", seen.get(0).path());
    assertEquals("a=1", seen.get(0).query());
    assertEquals("127.0.0.1:" + port, seen.get(0).authority().toString());
  }

  @Test
  void requestOptions_ipv6Literal_namesTheHostInBrackets() {
    GatewayConfig.Outbound limits = allowed().outbound();

    String v6 =
        OutboundClient.options(VendorUrl.parse("https://[2606:4700::1111]/x"), limits).getHost();
    String name =
        OutboundClient.options(VendorUrl.parse("https://example.com/x"), limits).getHost();

    assertEquals("[2606:4700::1111]", v6);
    assertEquals("example.com", name);
  }

  @Test
  void send_sandboxRoutedHost_reachesStandInWithVendorPrefix() {
    OutboundClient client = new OutboundClient(vertx, sandboxRouting("Example-Org.Atlassian.net"));

    client.send(get("https://example-org.atlassian.net/rest/api/3/myself")).await();

    assertEquals("/jira/rest/api/3/myself", seen.get(0).path());
    assertEquals("example-org.atlassian.net", seen.get(0).getHeader("X-Sandbox-Host"));
  }

  @Test
  void send_sandboxAddressAskedDirectly_isRefusedLikeAnyLoopback() {
    OutboundClient client = new OutboundClient(vertx, sandboxRouting("example-org.atlassian.net"));

    OutboundException e = failure(client, get("http://127.0.0.1:" + port + "/jira-dc/x"));

    assertEquals(Kind.REFUSED, e.kind());
    assertEquals(0, calls.get());
  }

  @Test
  void send_nonHttpScheme_isRefused() {
    OutboundClient client = new OutboundClient(vertx, allowed());

    OutboundException e = failure(client, get("file:///etc/passwd"));

    assertEquals(Kind.REFUSED, e.kind());
  }

  /** The sandbox on the test's vendor port, with {@code host} routed to its Jira stand-in. */
  private GatewayConfig sandboxRouting(String host) {
    JsonObject json = TestConfigs.json(dataDir);
    json.put(
        "sandbox",
        new JsonObject()
            .put("enabled", true)
            .put("port", port)
            .put("routes", new JsonObject().put(host, "jira")));
    return GatewayConfig.from(json);
  }

  private GatewayConfig allowed() {
    return config(List.of("127.0.0.1:" + port));
  }

  private GatewayConfig config(List<String> allowed) {
    JsonObject json = TestConfigs.json(dataDir);
    json.getJsonObject("outbound").put("allowedDestinations", new JsonArray(allowed));
    return GatewayConfig.from(json);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static OutboundRequest get(String url) {
    return OutboundRequest.get("test", url, MultiMap.caseInsensitiveMultiMap());
  }

  private static OutboundRequest create(String url) {
    return OutboundRequest.json(
        "test",
        HttpMethod.POST,
        url,
        MultiMap.caseInsensitiveMultiMap(),
        new JsonObject(),
        Retry.CREATE);
  }

  private static OutboundException failure(OutboundClient client, OutboundRequest request) {
    return assertThrows(OutboundException.class, () -> client.send(request).await());
  }
}
