package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.outbound.OutboundException;
import com.apisec.gateway.outbound.VendorUrl;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code jira/add}, checked. {@code apiToken} is null when the request keeps the stored
 * token (absent, null, blank, or the mask). {@code projId} names a single project when {@code
 * projectMappings} is absent. Data Center needs no {@code userEmail}: its token says who calls.
 */
record AddRequest(
    String baseUrl,
    String userEmail,
    String apiToken,
    JiraDeployment deployment,
    Map<String, JsonObject> mappings) {

  AddRequest {
    mappings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mappings));
  }

  static AddRequest from(JsonObject body) {
    BodyFields fields = BodyFields.of(body);
    JiraDeployment deployment = JiraDeployment.from(body.getValue("jiraType"));
    String baseUrl = baseUrl(fields.required("baseUrl"), deployment);
    String userEmail =
        deployment == JiraDeployment.CLOUD
            ? fields.required("userEmail")
            : fields.trimmed("userEmail");
    String token = fields.string("apiToken");
    return new AddRequest(
        baseUrl, userEmail, keepsStored(token) ? null : token.trim(), deployment, mappings(fields));
  }

  /** The same save with checked project mappings. */
  AddRequest withMappings(Map<String, JsonObject> checked) {
    return new AddRequest(baseUrl, userEmail, apiToken, deployment, checked);
  }

  boolean keepsToken() {
    return apiToken == null;
  }

  /** Absent, null, blank or made only of {@code *} (the mask that reads return). */
  static boolean keepsStored(String token) {
    return token == null || token.isBlank() || token.trim().chars().allMatch(c -> c == '*');
  }

  private static String baseUrl(String raw, JiraDeployment deployment) {
    String normalised;
    try {
      normalised = VendorUrl.normaliseBase(raw);
    } catch (OutboundException e) {
      throw GatewayException.invalid(VendorUrl.refusal("baseUrl", e));
    }
    if (deployment == JiraDeployment.CLOUD && !normalised.startsWith("https://")) {
      throw GatewayException.invalid("baseUrl must start with https:// for Jira Cloud");
    }
    return normalised;
  }

  private static Map<String, JsonObject> mappings(BodyFields fields) {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    String projId = fields.trimmed("projId");
    JsonObject given = fields.object("projectMappings");
    if (given != null) {
      for (Map.Entry<String, Object> entry : given) {
        String key =
            JiraKeys.project("projectMappings key '" + entry.getKey() + "'", entry.getKey().trim());
        out.put(key, ProjectMappingInput.clean("projectMappings." + key, entry.getValue()));
      }
    } else if (projId != null) {
      out.put(JiraKeys.project("projId", projId), new JsonObject());
    }
    if (out.isEmpty()) {
      throw GatewayException.invalid("projectMappings must name at least one project");
    }
    return out;
  }

  @Override
  public String toString() {
    return "AddRequest[baseUrl="
        + baseUrl
        + ", projects="
        + mappings.keySet()
        + ", apiToken="
        + (apiToken == null ? "kept" : "[REDACTED]")
        + "]";
  }
}
