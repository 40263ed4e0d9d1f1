package com.apisec.gateway.integrations.connections;

import com.apisec.gateway.core.GatewayException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The onboarding steps the dashboard lists, stored under its camelCase keys ({@code slackAlerts}).
 * The constant-style name ({@code SLACK_ALERTS}) is accepted too, for the same step.
 */
enum Connection {
  AUTOMATED_TRAFFIC("automatedTraffic"),
  GITHUB_SSO("githubSso"),
  SLACK_ALERTS("slackAlerts"),
  CICD_INTEGRATIONS("cicdIntegrations"),
  INVITE_MEMBERS("inviteMembers");

  private final String key;

  Connection(String key) {
    this.key = key;
  }

  /** The key the dashboard reads and the store keeps. */
  String key() {
    return key;
  }

  /** The step a request names, by either name; a 422 naming {@code field} otherwise. */
  static Connection from(Object value, String field) {
    if (value == null) {
      throw GatewayException.invalid(field + " is required");
    }
    if (value instanceof String text) {
      String name = text.trim();
      for (Connection connection : values()) {
        if (connection.key.equals(name) || connection.name().equals(name)) {
          return connection;
        }
      }
    }
    throw GatewayException.invalid(field + " must be one of " + allowed());
  }

  private static String allowed() {
    return Arrays.stream(values()).map(Connection::key).collect(Collectors.joining(", "))
        + " (or the same as SLACK_ALERTS and so on)";
  }
}
