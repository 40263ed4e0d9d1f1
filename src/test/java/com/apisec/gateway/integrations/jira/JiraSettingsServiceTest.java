package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.apisec.gateway.core.BusRequest;
import com.apisec.gateway.core.GatewayConfig;
import com.apisec.gateway.integrations.jira.support.Seed;
import com.apisec.gateway.outbound.OutboundClient;
import com.apisec.gateway.store.AccountCache;
import com.apisec.gateway.store.EmbeddedStore;
import com.apisec.gateway.store.SecretBox;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which token a save sends to Jira. The sandbox records {@code Authorization} redacted, so a tiny
 * server that keeps the header stands in for Jira here.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JiraSettingsServiceTest {
  private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
  @TempDir static Path dir;
  private static EmbeddedStore store;
  private static HttpServer jira;
  private static JiraSettingsService service;

  @BeforeAll
  static void start(Vertx vertx) {
    store = EmbeddedStore.start(dir, "127.0.0.1", 0);
    MongoClient mongo =
        MongoClient.create(
            vertx,
            new JsonObject()
                .put("connection_string", store.connectionString())
                .put("db_name", "gateway"));
    jira =
        vertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  AUTHORIZATIONS.add(request.getHeader("Authorization"));
                  JsonArray types =
                      new JsonArray().add(new JsonObject().put("id", "10001").put("name", "Bug"));
                  request
                      .response()
                      .putHeader("Content-Type", "application/json")
                      .end(
                          new JsonObject()
                              .put("startAt", 0)
                              .put("total", 1)
                              .put("issueTypes", types)
                              .encode());
                })
            .listen(0, "127.0.0.1")
            .await();
    OutboundClient outbound = new OutboundClient(vertx, routedTo(jira.actualPort()));
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    AccountCache<JiraSettingsService.Connection> connections =
        new AccountCache<>("test.jira.settings-changed", Duration.ofMinutes(5), 100);
    service =
        new JiraSettingsService(
            new JiraSettingsStore(mongo),
            new SecretBox(key),
            new JiraMetaClient(new JiraHttp(outbound)),
            connections,
            connections::drop);
  }

  @AfterAll
  static void stop() {
    store.close();
  }

  @Test
  void save_maskedToken_sendsTheStoredTokenToJira() {
    long account = 7_000_001;
    service.add(new BusRequest(account, "u", Seed.save())).await();

    service.add(new BusRequest(account, "u", Seed.save().put("apiToken", "********"))).await();

    assertEquals(basic(Seed.API_TOKEN), AUTHORIZATIONS.get(AUTHORIZATIONS.size() - 1));
  }

  @Test
  void save_newToken_sendsAndStoresTheNewOne() {
    long account = 7_000_002;
    service.add(new BusRequest(account, "u", Seed.save())).await();
    service.add(new BusRequest(account, "u", Seed.save().put("apiToken", "rotated-2"))).await();

    service.add(new BusRequest(account, "u", Seed.save().putNull("apiToken"))).await();

    int last = AUTHORIZATIONS.size() - 1;
    assertEquals(basic("rotated-2"), AUTHORIZATIONS.get(last));
    assertNotEquals(AUTHORIZATIONS.get(last - 2), AUTHORIZATIONS.get(last));
  }

  /** The kept connection is dropped by a save, so the next ticket uses the new token. */
  @Test
  void connection_afterASave_opensTheSavedToken() {
    long account = 7_000_003;
    service.add(new BusRequest(account, "u", Seed.save())).await();
    JiraCredentials before = service.connection(account).await().credentials();

    service.add(new BusRequest(account, "u", Seed.save().put("apiToken", "rotated-3"))).await();

    assertEquals(Seed.API_TOKEN, before.apiToken());
    assertEquals("rotated-3", service.connection(account).await().credentials().apiToken());
  }

  /** Removing a project is a change too: the kept connection no longer lists it. */
  @Test
  void connection_afterAProjectIsRemoved_listsTheRemainingProjects() {
    long account = 7_000_004;
    JsonObject twoProjects =
        Seed.save()
            .put(
                "projectMappings",
                new JsonObject().put("SCRUM", new JsonObject()).put("OPS", new JsonObject()));
    service.add(new BusRequest(account, "u", twoProjects)).await();
    assertEquals(2, service.connection(account).await().settings().projectKeys().size());

    service.delete(new BusRequest(account, "u", new JsonObject().put("projId", "OPS"))).await();

    assertEquals(
        java.util.Set.of("SCRUM"), service.connection(account).await().settings().projectKeys());
  }

  private static String basic(String token) {
    String pair = Seed.USER_EMAIL + ":" + token;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static GatewayConfig routedTo(int port) {
    JsonObject sandbox =
        new JsonObject()
            .put("enabled", true)
            .put("host", "127.0.0.1")
            .put("port", port)
            .put("routes", new JsonObject().put("example-org.atlassian.net", "jira"));
    return GatewayConfig.from(new JsonObject().put("mode", "development").put("sandbox", sandbox));
  }
}
