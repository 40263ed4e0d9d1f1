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

  /** Operators' job reads and controls; see {@code docs/scheduler.md}. */
  public static final String SCHEDULER_FETCH_JOBS = "scheduler.jobs.fetch";

  public static final String SCHEDULER_RUN_NOW = "scheduler.jobs.run-now";
  public static final String SCHEDULER_PAUSE = "scheduler.jobs.pause";
  public static final String SCHEDULER_RESUME = "scheduler.jobs.resume";

  /** Published on every change of a job: its schedule, so every node's index stays current. */
  public static final String SCHEDULER_CHANGED = "scheduler.jobs.changed";

  /** Published by each node every few seconds: its id and the job types it can run. */
  public static final String SCHEDULER_PRESENCE = "scheduler.presence";

  /** Prefix of the address a job type's worker serves; see {@link #schedulerRun(String)}. */
  public static final String SCHEDULER_RUN_PREFIX = "scheduler.run.";

  private Addresses() {}

  /** Where the scheduler sends a run of a job of {@code type}: {@code scheduler.run.<type>}. */
  public static String schedulerRun(String type) {
    return SCHEDULER_RUN_PREFIX + type;
  }
}
