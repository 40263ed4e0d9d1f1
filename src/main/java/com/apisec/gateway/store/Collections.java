package com.apisec.gateway.store;

/** Names of the gateway's own collections. */
public final class Collections {
  public static final String JIRA_INTEGRATIONS = "jira_integrations";
  public static final String TICKETS = "tickets";
  public static final String JOBS = "jobs";
  public static final String JOB_RUNS = "job_runs";
  public static final String JOB_ACCOUNTS = "job_accounts";

  /** Onboarding steps an account skipped, one document per account. */
  public static final String CONNECTIONS = "connection_settings";

  private Collections() {}
}
