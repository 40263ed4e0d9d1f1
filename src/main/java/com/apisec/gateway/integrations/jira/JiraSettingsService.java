package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.BusRequest;
import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.outbound.VendorUrl;
import com.apisec.gateway.store.AccountCache;
import com.apisec.gateway.store.SecretBox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves, reads and trims an account's Jira integration, and opens its credentials for the other
 * operations. A save checks every project against Jira and keeps only those that answer.
 */
final class JiraSettingsService {
  private static final Logger LOG = LoggerFactory.getLogger(JiraSettingsService.class);

  private final JiraSettingsStore store;
  private final SecretBox secrets;
  private final JiraMetaClient client;
  private final LongConsumer changed;
  private final AccountCache<Connection> connections;

  /**
   * {@code changed} hears the account of every save that changed the stored integration; it must
   * drop the account from {@code connections} on every node.
   */
  JiraSettingsService(
      JiraSettingsStore store,
      SecretBox secrets,
      JiraMetaClient client,
      AccountCache<Connection> connections,
      LongConsumer changed) {
    this.store = store;
    this.secrets = secrets;
    this.client = client;
    this.connections = connections;
    this.changed = changed;
  }

  /** The integration and the credentials to call its Jira with. */
  record Connection(JiraSettings settings, JiraCredentials credentials) {}

  Future<JsonObject> add(BusRequest request) {
    AddRequest add = AddRequest.from(request.body());
    long account = request.accountId();
    return store
        .find(account)
        .compose(
            stored -> {
              JiraCredentials credentials = credentialsFor(account, add, stored);
              return ProjectCheck.run(client, credentials, add.mappings().keySet())
                  .compose(check -> checkPriorities(credentials, add, check))
                  .compose(checked -> save(account, checked.add(), stored, checked.check()));
            });
  }

  private record Checked(AddRequest add, ProjectCheck check) {}

  /** A save's priority mappings, checked against the screens of the projects Jira listed. */
  private Future<Checked> checkPriorities(
      JiraCredentials credentials, AddRequest add, ProjectCheck check) {
    return PriorityMappings.checkAll(client, credentials, add.mappings(), check.succeeded())
        .map(mappings -> new Checked(add.withMappings(mappings), check));
  }

  private Future<JsonObject> save(
      long account, AddRequest add, JiraSettings stored, ProjectCheck check) {
    if (check.succeeded().isEmpty()) {
      LOG.warn("jira save refused [account: {}, projects: {}]", account, check.failed().size());
      return Future.failedFuture(GatewayException.vendor(check.summary()));
    }
    JsonObject set = SettingsUpdate.build(add, stored, check, sealedToken(account, add));
    return store
        .save(account, set, nowSeconds())
        .onSuccess(saved -> changed.accept(account))
        .map(
            saved -> {
              LOG.debug(
                  "jira integration saved [account: {}, projects: {}, failed: {}]",
                  account,
                  check.succeeded().size(),
                  check.failed().size());
              return new JsonObject()
                  .put("jiraIntegration", saved.masked())
                  .put("failedProjectKeys", new JsonArray(new ArrayList<>(check.failed().keySet())))
                  .put("failureMessages", new JsonObject(new LinkedHashMap<>(check.failed())));
            });
  }

  private String sealedToken(long account, AddRequest add) {
    return add.keepsToken() ? null : secrets.seal(add.apiToken(), tokenContext(account));
  }

  /** The credentials a save (or a test) calls Jira with: its own token, or the stored one. */
  JiraCredentials credentialsFor(long account, AddRequest add, JiraSettings stored) {
    if (!add.keepsToken()) {
      return new JiraCredentials(add.baseUrl(), add.userEmail(), add.apiToken(), add.deployment());
    }
    if (stored == null || stored.sealedToken() == null) {
      throw GatewayException.invalid("apiToken is required on the first save");
    }
    if (!sameHost(stored.baseUrl(), add.baseUrl())) {
      throw GatewayException.invalid(
          "apiToken is required because baseUrl points to another host than the saved one");
    }
    String token = open(account, stored);
    return new JiraCredentials(add.baseUrl(), add.userEmail(), token, add.deployment());
  }

  static boolean sameHost(String storedBaseUrl, String newBaseUrl) {
    if (storedBaseUrl == null) {
      return false;
    }
    return VendorUrl.parse(storedBaseUrl).origin().equals(VendorUrl.parse(newBaseUrl).origin());
  }

  Future<JsonObject> fetch(BusRequest request) {
    return store.find(request.accountId()).map(s -> s == null ? null : s.masked());
  }

  Future<JsonObject> delete(BusRequest request) {
    String projId = JiraKeys.project("projId", BodyFields.of(request.body()).required("projId"));
    long account = request.accountId();
    return store
        .find(account)
        .compose(
            stored -> {
              if (stored == null) {
                return Future.failedFuture(notIntegrated());
              }
              if (!stored.projectKeys().contains(projId)) {
                return Future.succeededFuture(false);
              }
              return store
                  .removeProject(account, projId, nowSeconds())
                  .onSuccess(removed -> changed.accept(account));
            })
        .map(removed -> new JsonObject().put("projId", projId).put("removed", removed));
  }

  /** The stored integration, or null; no secret is opened. */
  Future<JiraSettings> find(long account) {
    return store.find(account);
  }

  /** Stores a checked priority mapping for one project of the integration. */
  Future<JsonObject> savePriority(long account, String projectKey, JsonObject mapping) {
    String path = "projectMappings." + projectKey + "." + ProjectMappingInput.PRIORITY;
    return store
        .save(account, new JsonObject().put(path, mapping), nowSeconds())
        .onSuccess(saved -> changed.accept(account))
        .map(mapping);
  }

  /**
   * The stored integration with its token opened, kept on this node until a save drops it; a 422
   * when there is none.
   */
  Future<Connection> connection(long account) {
    return connections
        .get(account, this::readConnection)
        .map(
            connection -> {
              if (connection == null) {
                throw notIntegrated();
              }
              return connection;
            });
  }

  private Future<Connection> readConnection(long account) {
    return store
        .find(account)
        .map(
            settings -> {
              if (settings == null || settings.sealedToken() == null) {
                return null;
              }
              JiraCredentials credentials =
                  new JiraCredentials(
                      settings.baseUrl(),
                      settings.userEmail(),
                      open(account, settings),
                      settings.deployment());
              return new Connection(settings, credentials);
            });
  }

  private String open(long account, JiraSettings settings) {
    try {
      return secrets.open(settings.sealedToken(), tokenContext(account));
    } catch (IllegalStateException e) {
      throw GatewayException.invalid(
          "the stored apiToken cannot be opened with the configured key; save it again");
    }
  }

  static String tokenContext(long account) {
    return account + ":jira:apiToken";
  }

  private static GatewayException notIntegrated() {
    return GatewayException.invalid("Jira is not integrated.");
  }

  private static long nowSeconds() {
    return System.currentTimeMillis() / 1000;
  }
}
