package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.BusRequest;
import com.apisec.gateway.core.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's older Jira operations ("Generic Integrations"): {@code testIntegration} checks
 * credentials and a comma list of project keys against Jira and stores nothing; {@code
 * addIntegration} saves like {@code jira/add}, its projects named by {@code projId}, {@code
 * projectAndIssueMap} and {@code projectMappings}.
 */
final class LegacyIntegration {
  private static final String REJECTED = "Jira rejected the credentials (401)";

  private final JiraSettingsService settings;
  private final JiraMetaClient meta;

  LegacyIntegration(JiraSettingsService settings, JiraMetaClient meta) {
    this.settings = settings;
    this.meta = meta;
  }

  /** {@code projectAndIssueMap}: each key's issue types; a 422 naming what Jira refused. */
  Future<JsonObject> test(BusRequest request) {
    BodyFields fields = BodyFields.of(request.body());
    Set<String> keys = projectKeys(fields.required("projId"));
    AddRequest add = AddRequest.from(withMappings(request.body(), keys));
    long account = request.accountId();
    return settings
        .find(account)
        .compose(
            stored -> {
              JiraCredentials credentials = settings.credentialsFor(account, add, stored);
              return ProjectCheck.run(meta, credentials, keys);
            })
        .map(LegacyIntegration::tested);
  }

  private static JsonObject tested(ProjectCheck check) {
    if (!check.failed().isEmpty()) {
      throw GatewayException.vendor(refusal(check));
    }
    JsonObject out = new JsonObject();
    for (Map.Entry<String, List<IssueType>> project : check.succeeded().entrySet()) {
      JsonArray types = new JsonArray();
      project.getValue().forEach(type -> types.add(type.toJson()));
      out.put(project.getKey(), types);
    }
    return out;
  }

  /**
   * Bad credentials name the token; a call Jira did not answer (a refused or unreachable address)
   * is about the site and given once as it is, naming {@code baseUrl} when the address was refused;
   * one reason shared by several keys is given once; otherwise each key Jira did not list is named
   * with Jira's words.
   */
  private static String refusal(ProjectCheck check) {
    if (check.failed().values().stream().allMatch(REJECTED::equals)) {
      return "apiToken: " + REJECTED;
    }
    if (check.siteFailure() != null) {
      return check.siteFailure();
    }
    boolean siteWide =
        check.succeeded().isEmpty()
            && check.failed().size() > 1
            && new HashSet<>(check.failed().values()).size() == 1;
    if (siteWide) {
      return check.summary();
    }
    List<String> parts = new ArrayList<>();
    check.failed().forEach((key, message) -> parts.add(key + " (" + message + ")"));
    return "projId: Jira does not list " + String.join(", ", parts);
  }

  /** The legacy save: the same checks and storage as {@code jira/add}. */
  Future<JsonObject> add(BusRequest request) {
    JsonObject body = request.body();
    BodyFields fields = BodyFields.of(body);
    Set<String> keys = new LinkedHashSet<>();
    String projId = fields.trimmed("projId");
    if (projId != null) {
      keys.addAll(projectKeys(projId));
    }
    keys.addAll(issueMapKeys(fields));
    // The legacy issueType is not used (each project's types come from Jira), but must be text.
    fields.string("issueType");
    JsonObject mappings = fields.object("projectMappings");
    JsonObject merged = mappings == null ? new JsonObject() : mappings.copy();
    keys.forEach(key -> merged.getMap().putIfAbsent(key, new JsonObject()));
    JsonObject save = body.copy().put("projectMappings", merged);
    save.remove("projId");
    return settings.add(new BusRequest(request.accountId(), request.user(), save));
  }

  /** A comma list of keys, all whitespace ignored. */
  static Set<String> projectKeys(String commaList) {
    Set<String> keys = new LinkedHashSet<>();
    for (String key : commaList.replaceAll("\\s+", "").split(",")) {
      if (!key.isEmpty()) {
        keys.add(JiraKeys.project("projId", key));
      }
    }
    if (keys.isEmpty()) {
      throw GatewayException.invalid("projId must name at least one project key");
    }
    return keys;
  }

  /** The keys of {@code projectAndIssueMap} (testIntegration's answer), its shape checked. */
  private static Set<String> issueMapKeys(BodyFields fields) {
    JsonObject map = fields.object("projectAndIssueMap");
    Set<String> keys = new LinkedHashSet<>();
    if (map == null) {
      return keys;
    }
    for (Map.Entry<String, Object> entry : map) {
      String path = fields.name("projectAndIssueMap") + "." + entry.getKey();
      keys.add(JiraKeys.project(path, entry.getKey().trim()));
      if (!(entry.getValue() instanceof JsonArray types)
          || !types.stream().allMatch(t -> t instanceof JsonObject)) {
        throw GatewayException.invalid(path + " must be a list of {issueId, issueType}");
      }
    }
    return keys;
  }

  private static JsonObject withMappings(JsonObject body, Set<String> keys) {
    JsonObject mappings = new JsonObject();
    keys.forEach(key -> mappings.put(key, new JsonObject()));
    JsonObject out = body.copy().put("projectMappings", mappings);
    out.remove("projId");
    return out;
  }
}
