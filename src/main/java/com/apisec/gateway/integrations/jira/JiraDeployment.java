package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import java.util.Locale;

/** The two kinds of Jira the gateway talks to; each speaks its own dialect. */
enum JiraDeployment {
  /** Jira Cloud: REST v3, ADF descriptions, Basic email and API token. */
  CLOUD,
  /** Jira Data Center: REST v2, wiki-markup descriptions, Bearer personal access token. */
  DATA_CENTER;

  /** Reads {@code jiraType}; absent means CLOUD, as the dashboard assumes. */
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
    throw GatewayException.invalid("jiraType must be CLOUD or DATA_CENTER");
  }

  JiraDialect dialect() {
    return this == CLOUD ? CloudDialect.INSTANCE : DataCenterDialect.INSTANCE;
  }
}
