package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;

/** The texts a reply carries when a ticket was made, but not quite as asked. */
final class Warnings {
  private Warnings() {}

  static String labelsDropped(String projectKey) {
    return "Jira does not allow labels on the create screen of project "
        + projectKey
        + "; the issue was created without them";
  }

  static String descriptionCut(String fileName) {
    return "the description was longer than Jira allows; it was cut and the full text is attached"
        + " as "
        + fileName;
  }

  static String fullTextLost(String fileName, Throwable e) {
    return "the description was longer than Jira allows and was cut; attaching the full text as "
        + fileName
        + " failed: "
        + reason(e);
  }

  static String samplesNotAttached(Throwable e) {
    return "the request and response samples could not be attached: " + reason(e);
  }

  static String reason(Throwable e) {
    return e instanceof GatewayException known ? known.getMessage() : "internal error";
  }
}
