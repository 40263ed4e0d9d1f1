package com.apisec.gateway.integrations.jira.support;

import com.apisec.gateway.store.TestingIssueId;
import com.apisec.gateway.testing.LeakWatch;
import io.vertx.core.json.JsonObject;

/**
 * The seed document's Jira values, as request bodies. The e-mail is the seed's redacted text,
 * verbatim: the gateway does not check e-mail syntax.
 */
public final class Seed {
  public static final String API_TOKEN = LeakWatch.secret("seed-jira-api-token-7Qx2");
  public static final String USER_EMAIL = "[email protected]";

  static {
    LeakWatch.secret(USER_EMAIL + ":" + API_TOKEN);
  }

  /** The token the stand-in refuses, standing for a revoked one. */
  public static final String REVOKED_TOKEN = "invalid-token";

  public static final String THREAT_EVENT_ID = "4a3502a0-ab5f-4255-9628-aae3b0ef33bd";
  public static final String TITLE = "Potential BOLA vulnerability on /api/v1/users endpoint";

  private Seed() {}

  /** {@code jira/add} for project SCRUM. */
  public static JsonObject save() {
    return new JsonObject()
        .put("baseUrl", TestGateway.BASE_URL)
        .put("userEmail", USER_EMAIL)
        .put("apiToken", API_TOKEN)
        .put("jiraType", "CLOUD")
        .put("projectMappings", new JsonObject().put("SCRUM", new JsonObject()));
  }

  /** {@code createGeneralJiraTicket} for the seed's threat event. */
  public static JsonObject ticket() {
    return new JsonObject()
        .put("projId", "SCRUM")
        .put("issueType", "Bug")
        .put("title", TITLE)
        .put("description", "Unauthorized access to other users' data was detected.")
        .put("labels", "security,akto")
        .put("threatEventId", THREAT_EVENT_ID)
        .put("eventType", "THREAT");
  }

  /** {@code createJiraIssue} for a finding, with the text the dashboard sends for demo one. */
  public static JsonObject findingTicket(TestingIssueId id) {
    JsonObject meta =
        new JsonObject()
            .put("testingIssueId", id.toJson())
            .put("issueTitle", "BOLA by replacing the auth token")
            .put("hostStr", "Host - https://api.example.com")
            .put("endPointStr", "Endpoint - /api/v1/users/42")
            .put("issueUrl", "https://app.akto.example.com/dashboard/issues?result=65a5a5a5")
            .put("issueDescription", "Description - Another user's token still returns the record.")
            .put("labels", "security,akto");
    return new JsonObject()
        .put("jiraMetaData", meta)
        .put("issueType", "Bug")
        .put("projId", "SCRUM");
  }

  /** {@code testIntegration} with the seed's "Generic Integrations" values. */
  public static JsonObject testIntegration() {
    return new JsonObject()
        .put("baseUrl", TestGateway.BASE_URL)
        .put("projId", "SCRUM,API")
        .put("userEmail", USER_EMAIL)
        .put("apiToken", API_TOKEN)
        .put("jiraType", "CLOUD");
  }

  /** {@code addIntegration} with the seed's values and testIntegration's map. */
  public static JsonObject addIntegration() {
    JsonObject types =
        new JsonObject()
            .put(
                "SCRUM",
                new io.vertx.core.json.JsonArray()
                    .add(new JsonObject().put("issueId", "10001").put("issueType", "Bug"))
                    .add(new JsonObject().put("issueId", "10002").put("issueType", "Story")));
    return new JsonObject()
        .put("baseUrl", TestGateway.BASE_URL)
        .put("projId", "SCRUM")
        .put("userEmail", USER_EMAIL)
        .put("apiToken", API_TOKEN)
        .put("issueType", "Bug")
        .put("jiraType", "CLOUD")
        .put("projectAndIssueMap", types)
        .put("projectMappings", new JsonObject().put("SCRUM", new JsonObject()));
  }
}
