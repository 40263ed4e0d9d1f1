package com.apisec.gateway.sandbox.jira;

/**
 * Jira Cloud (REST v3) under {@code /jira}: projects SCRUM and API with the issue types Bug and
 * Story, issue create (single and bulk) with Jira's field checks and ADF descriptions, entity
 * properties, JQL search, attachments, create-meta and the other reads the gateway makes.
 *
 * <p>Beyond the sandbox's failure switches, {@code /_control} takes {@code "refuseLabels":
 * ["API"]}: those projects then refuse the {@code labels} field as a screen without it does.
 */
public final class JiraCloudStandIn extends JiraStandIn {
  public JiraCloudStandIn() {
    super(JiraFlavor.CLOUD);
  }
}
