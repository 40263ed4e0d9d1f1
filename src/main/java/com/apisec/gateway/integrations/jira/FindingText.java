package com.apisec.gateway.integrations.jira;

/**
 * The text the dashboard sends with a finding ({@code jiraMetaData}): the title, the host and
 * endpoint lines, the link back to the dashboard and the description. Any may be null; the finding
 * itself fills the gaps.
 */
record FindingText(
    String issueTitle,
    String hostStr,
    String endPointStr,
    String issueUrl,
    String issueDescription) {

  static final String ENDPOINT_PREFIX = "Endpoint - ";

  /** Nothing sent: everything comes from the finding (as for bulk tickets). */
  static FindingText none() {
    return new FindingText(null, null, null, null, null);
  }

  static FindingText from(BodyFields metaData) {
    return new FindingText(
        metaData.trimmed("issueTitle"),
        metaData.trimmed("hostStr"),
        metaData.trimmed("endPointStr"),
        metaData.trimmed("issueUrl"),
        metaData.string("issueDescription"));
  }

  /** The endpoint path as sent, without the dashboard's {@code Endpoint - } prefix. */
  String endpointPath() {
    if (endPointStr == null) {
      return null;
    }
    return endPointStr.startsWith(ENDPOINT_PREFIX)
        ? endPointStr.substring(ENDPOINT_PREFIX.length()).trim()
        : endPointStr;
  }
}
