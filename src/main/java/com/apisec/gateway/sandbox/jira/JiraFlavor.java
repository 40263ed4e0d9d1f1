package com.apisec.gateway.sandbox.jira;

import java.util.EnumSet;

/**
 * Which Jira a stand-in plays. Cloud: REST v3 under {@code /jira}, Basic email:token, ADF
 * descriptions, the {@code /search/jql} search with properties, listings paged by {@code total}.
 * Data Center: REST v2 under {@code /jira-dc}, Bearer personal access token, wiki-markup strings,
 * the {@code /search} search, listings paged with {@code values} and {@code isLast}.
 */
enum JiraFlavor {
  CLOUD("jira", "/rest/api/3"),
  DATA_CENTER("jira-dc", "/rest/api/2");

  private final String vendor;
  private final String rest;

  JiraFlavor(String vendor, String rest) {
    this.vendor = vendor;
    this.rest = rest;
  }

  String vendor() {
    return vendor;
  }

  /** A REST route or link path, e.g. {@code /issue} is {@code /rest/api/2/issue} on DC. */
  String path(String resource) {
    return rest + resource;
  }

  boolean cloud() {
    return this == CLOUD;
  }

  JiraAuth auth() {
    return new JiraAuth(
        cloud() ? EnumSet.of(JiraAuth.Scheme.BASIC) : EnumSet.of(JiraAuth.Scheme.BEARER));
  }
}
