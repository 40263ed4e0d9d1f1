package com.apisec.gateway.sandbox.jira;

/**
 * Jira Data Center (REST v2) under {@code /jira-dc}: the same site as the Cloud stand-in (projects
 * SCRUM and API, Bug and Story), reached with {@code Authorization: Bearer <personal access
 * token>}. Descriptions must be strings (wiki markup); the search is {@code /search}, paged by
 * {@code startAt}; listings page as {@code values} with {@code isLast}. The token {@code
 * invalid-token} is refused with 401, and {@code /_control} takes the same switches and {@code
 * refuseLabels} as the Cloud stand-in.
 */
public final class JiraDataCenterStandIn extends JiraStandIn {
  public JiraDataCenterStandIn() {
    super(JiraFlavor.DATA_CENTER);
  }
}
