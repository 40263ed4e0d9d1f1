package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.BusRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads from the integration's Jira, in the shapes the dashboard reads: the site's priorities, a
 * project's workflow statuses, and the create-screen fields of every project and issue type,
 * without those the site flags as locked or not screenable ({@link HiddenFields}), kept per account
 * in a {@link FieldMetaCache}.
 */
final class JiraReads {
  private static final Logger LOG = LoggerFactory.getLogger(JiraReads.class);
  private static final int PARALLEL_READS = 4;

  private final JiraSettingsService settings;
  private final JiraMetaClient meta;
  private final FieldMetaCache cache;

  JiraReads(JiraSettingsService settings, JiraMetaClient meta, FieldMetaCache cache) {
    this.settings = settings;
    this.meta = meta;
    this.cache = cache;
  }

  /** {@code [{id, name}]}, as Jira lists them. */
  Future<JsonArray> priorities(BusRequest request) {
    return settings
        .connection(request.accountId())
        .compose(connection -> meta.priorities(connection.credentials()))
        .map(JiraReads::idsAndNames);
  }

  private static JsonArray idsAndNames(JsonArray priorities) {
    JsonArray out = new JsonArray();
    for (Object item : priorities) {
      if (item instanceof JsonObject p && p.getValue("id") != null) {
        out.add(
            new JsonObject()
                .put("id", String.valueOf(p.getValue("id")))
                .put("name", p.getString("name")));
      }
    }
    return out;
  }

  /** {@code {<projId>: {statuses, biDirectionalSyncSettings, priorityFieldMapping}}}. */
  Future<JsonObject> projectStatuses(BusRequest request) {
    String raw = BodyFields.of(request.body()).required("projId").replaceAll("\\s+", "");
    String project = JiraKeys.project("projId", raw);
    return settings
        .connection(request.accountId())
        .compose(
            connection ->
                meta.statuses(connection.credentials(), project)
                    .map(byType -> statusReply(project, byType, connection.settings())));
  }

  private static JsonObject statusReply(String project, JsonArray byType, JiraSettings stored) {
    Map<String, JsonObject> statuses = new LinkedHashMap<>();
    for (Object type : byType) {
      if (type instanceof JsonObject json) {
        for (Object status : json.getJsonArray("statuses", new JsonArray())) {
          if (status instanceof JsonObject s && s.getValue("id") != null) {
            statuses.putIfAbsent(String.valueOf(s.getValue("id")), shown(s));
          }
        }
      }
    }
    JsonObject mapping = stored.projectMappings().getJsonObject(project, new JsonObject());
    JsonObject entry =
        new JsonObject()
            .put("statuses", new JsonArray(new ArrayList<>(statuses.values())))
            .put("biDirectionalSyncSettings", mapping.getValue("biDirectionalSyncSettings"))
            .put(ProjectMappingInput.PRIORITY, mapping.getValue(ProjectMappingInput.PRIORITY));
    return new JsonObject().put(project, entry);
  }

  private static JsonObject shown(JsonObject status) {
    JsonObject category = status.getJsonObject("statusCategory", new JsonObject());
    return new JsonObject()
        .put("id", String.valueOf(status.getValue("id")))
        .put("name", status.getString("name"))
        .put(
            "statusCategory",
            new JsonObject()
                .put("id", category.getValue("id"))
                .put("name", category.getString("name"))
                .put("key", category.getString("key")));
  }

  /** {@code {<projectKey>: {<issueTypeId>: [field, ...]}}}, from the cache when it is fresh. */
  Future<JsonObject> fieldMetadata(BusRequest request) {
    long account = request.accountId();
    JsonObject cached = cache.get(account);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return settings.connection(account).compose(connection -> gather(account, connection));
  }

  private record Screen(String project, String issueTypeId) {}

  /** The fields to leave out, and whether an answer built with them may be kept in the cache. */
  private record Flags(HiddenFields hidden, boolean keepable) {}

  private Future<JsonObject> gather(long account, JiraSettingsService.Connection connection) {
    JiraSettings stored = connection.settings();
    List<Screen> screens = new ArrayList<>();
    List<Supplier<Future<JsonArray>>> reads = new ArrayList<>();
    for (String project : stored.projectKeys()) {
      for (IssueType type : stored.issueTypes(project)) {
        screens.add(new Screen(project, type.issueId()));
        reads.add(() -> meta.fields(connection.credentials(), project, type.issueId()));
      }
    }

    Future<Flags> flags =
        screens.isEmpty()
            ? Future.succeededFuture(new Flags(HiddenFields.NONE, true))
            : flags(account, connection.credentials());
    Future<List<Future<JsonArray>>> outcomes = Bounded.run(reads, PARALLEL_READS);
    return Future.all(flags, outcomes)
        .compose(done -> combine(account, stored, screens, outcomes.result(), flags.result()));
  }

  /**
   * The site's field flags. Jira may refuse that listing (Cloud documents a 403 for users who may
   * not see every field) while the create screens read fine; the fields are then kept unfiltered,
   * and the answer is cached only when asking again would be refused again.
   */
  private Future<Flags> flags(long account, JiraCredentials credentials) {
    JiraDialect dialect = credentials.deployment().dialect();
    return meta.fieldFlags(credentials)
        .map(listed -> new Flags(HiddenFields.from(listed, dialect), true))
        .recover(
            e -> {
              boolean lasting = e instanceof JiraErrors.Rejected rejected && rejected.lasting();
              LOG.warn(
                  "jira field flags unread, fields not filtered [account: {}, cached: {}]: {}",
                  account,
                  lasting,
                  Warnings.reason(e));
              return Future.succeededFuture(new Flags(HiddenFields.NONE, lasting));
            });
  }

  private Future<JsonObject> combine(
      long account,
      JiraSettings stored,
      List<Screen> screens,
      List<Future<JsonArray>> outcomes,
      Flags flags) {
    JsonObject out = new JsonObject();
    stored.projectKeys().forEach(project -> out.put(project, new JsonObject()));
    Throwable failure = null;
    for (int i = 0; i < screens.size(); i++) {
      Future<JsonArray> outcome = outcomes.get(i);
      failure = outcome.failed() ? outcome.cause() : failure;
      JsonArray fields =
          outcome.succeeded() ? flags.hidden().visible(outcome.result()) : new JsonArray();
      out.getJsonObject(screens.get(i).project()).put(screens.get(i).issueTypeId(), fields);
    }
    if (failure != null) {
      return incomplete(account, outcomes, failure, out);
    }
    if (flags.keepable()) {
      cache.put(account, out);
    }
    return Future.succeededFuture(out);
  }

  /** Some screens could not be read: the others are answered, not kept; none at all fails. */
  private static Future<JsonObject> incomplete(
      long account, List<Future<JsonArray>> outcomes, Throwable failure, JsonObject out) {
    if (outcomes.stream().noneMatch(Future::succeeded)) {
      return Future.failedFuture(failure);
    }
    LOG.warn("jira field metadata incomplete [account: {}]: {}", account, Warnings.reason(failure));
    return Future.succeededFuture(out);
  }
}
