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

/**
 * Saves and reads a project's severity-to-priority mapping. A save checks the mapping against the
 * fields Jira lists on the project's create screens (for every issue type), so a mapped id is
 * always one of the field's allowed values.
 */
final class PriorityMappings {
  private static final int PARALLEL_READS = 4;

  private final JiraSettingsService settings;
  private final JiraMetaClient meta;

  PriorityMappings(JiraSettingsService settings, JiraMetaClient meta) {
    this.settings = settings;
    this.meta = meta;
  }

  Future<JsonObject> save(BusRequest request) {
    PriorityMappingRequest save = PriorityMappingRequest.from(request.body());
    long account = request.accountId();
    return settings
        .connection(account)
        .compose(
            connection -> {
              JiraSettings stored = connection.settings();
              JiraTickets.requireProject(stored, "projectKey", save.projectKey());
              List<IssueType> types = stored.issueTypes(save.projectKey());
              return screens(meta, connection.credentials(), save.projectKey(), types)
                  .map(
                      screens ->
                          PriorityFieldCheck.check(
                              save.mapping(), save.projectKey(), screens, save.paths()))
                  .compose(checked -> settings.savePriority(account, save.projectKey(), checked));
            })
        .map(
            checked ->
                new JsonObject()
                    .put("projectKey", save.projectKey())
                    .put(ProjectMappingInput.PRIORITY, checked));
  }

  /** The stored mapping at the root, or the unmapped default; no Jira call. */
  Future<JsonObject> fetch(BusRequest request) {
    String project = PriorityMappingRequest.project(BodyFields.of(request.body()));
    return settings
        .find(request.accountId())
        .map(
            stored -> {
              JsonObject mapping =
                  stored == null ? null : stored.projectMappings().getJsonObject(project);
              PriorityMapping priority = PriorityMapping.of(mapping);
              return priority == null ? PriorityMapping.unmapped() : priority.json();
            });
  }

  /** Checks each priority mapping of a save against its project's screens; the checked maps. */
  static Future<Map<String, JsonObject>> checkAll(
      JiraMetaClient meta,
      JiraCredentials credentials,
      Map<String, JsonObject> mappings,
      Map<String, List<IssueType>> types) {
    Map<String, JsonObject> out = new LinkedHashMap<>(mappings);
    List<Future<Void>> checks = new ArrayList<>();
    for (Map.Entry<String, JsonObject> entry : mappings.entrySet()) {
      JsonObject priority = entry.getValue().getJsonObject(ProjectMappingInput.PRIORITY);
      if (priority == null || !types.containsKey(entry.getKey())) {
        continue;
      }
      String key = entry.getKey();
      String prefix = "projectMappings." + key + "." + ProjectMappingInput.PRIORITY + ".";
      checks.add(
          screens(meta, credentials, key, types.get(key))
              .map(
                  s ->
                      PriorityFieldCheck.check(
                          priority, key, s, PriorityFieldCheck.Paths.of(prefix)))
              .map(
                  checked -> {
                    out.put(
                        key, entry.getValue().copy().put(ProjectMappingInput.PRIORITY, checked));
                    return null;
                  }));
    }
    return Future.all(checks).map(done -> out);
  }

  /** The create-screen fields of each issue type of a project. */
  static Future<List<JsonArray>> screens(
      JiraMetaClient meta, JiraCredentials credentials, String project, List<IssueType> types) {
    List<Supplier<Future<JsonArray>>> reads = new ArrayList<>();
    types.forEach(t -> reads.add(() -> meta.fields(credentials, project, t.issueId())));
    return Bounded.run(reads, PARALLEL_READS)
        .compose(
            outcomes -> {
              List<JsonArray> screens = new ArrayList<>();
              for (Future<JsonArray> outcome : outcomes) {
                if (outcome.failed()) {
                  return Future.failedFuture(outcome.cause());
                }
                screens.add(outcome.result());
              }
              return Future.succeededFuture(screens);
            });
  }
}
