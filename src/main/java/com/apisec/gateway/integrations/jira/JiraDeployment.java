package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** The two kinds of Jira the gateway talks to; each speaks its own dialect. */
enum JiraDeployment {
  /** Jira Cloud: REST v3, ADF descriptions, Basic email and API token. */
  CLOUD,
  /** Jira Data Center: REST v2, wiki-markup descriptions, Bearer personal access token. */
  DATA_CENTER;

  private static final String FIELD = "jiraType";

  /**
   * Reads a request's {@code jiraType}. Left out, it means CLOUD, as the dashboard assumes; sent,
   * it must be one of the two values (API.md), so an explicit null is a 422 rather than a guess.
   */
  static JiraDeployment requested(JsonObject body) {
    if (body.containsKey(FIELD) && body.getValue(FIELD) == null) {
      throw GatewayException.invalid(
          FIELD + " must be CLOUD or DATA_CENTER, got null (leave it out for CLOUD)");
    }
    return from(body.getValue(FIELD));
  }

  /** Reads a stored {@code jiraType}; absent or null means CLOUD, as for older documents. */
  static JiraDeployment from(Object value) {
    if (value == null) {
      return CLOUD;
    }
    if (value instanceof String text) {
      for (JiraDeployment deployment : values()) {
        if (deployment.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
          return deployment;
        }
      }
    }
    throw GatewayException.invalid(FIELD + " must be CLOUD or DATA_CENTER");
  }

  JiraDialect dialect() {
    return this == CLOUD ? CloudDialect.INSTANCE : DataCenterDialect.INSTANCE;
  }
}
