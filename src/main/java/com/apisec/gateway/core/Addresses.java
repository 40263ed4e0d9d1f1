package com.apisec.gateway.core;

/**
 * Every event-bus address the gateway answers on. Requests are JSON envelopes made by {@link
 * BusRequest}; replies are JSON objects, failures carry an HTTP status as the failure code.
 */
public final class Addresses {
  /** A node's own health-check address, before a random id; the body and the reply are {}. */
  public static final String HEALTH_PREFIX = "gateway.health.";

  public static final String JIRA_ADD = "integrations.jira.add";
  public static final String JIRA_FETCH = "integrations.jira.fetch";
  public static final String JIRA_DELETE = "integrations.jira.delete";
  public static final String JIRA_CREATE_GENERAL_TICKET = "integrations.jira.create-general-ticket";
  public static final String JIRA_ATTACH_FILE = "integrations.jira.attach-file";

  private Addresses() {}
}
