package com.apisec.gateway.core;

/**
 * Every event-bus address the gateway answers on. Requests are JSON envelopes made by {@link
 * BusRequest}; replies are JSON objects, failures carry an HTTP status as the failure code.
 */
public final class Addresses {
  /** A node's own health-check address, before a random id; the body and the reply are {}. */
  public static final String HEALTH_PREFIX = "gateway.health.";

  /**
   * Prefix of where a node that handed a request to another member hears that the member took it,
   * before a random id: {@code {"request": "<number>", "node": "<member id>"}}, no reply. See
   * {@link MemberRequests}.
   */
  public static final String ACCEPTED_PREFIX = "gateway.accepted.";

  public static final String JIRA_ADD = "integrations.jira.add";
  public static final String JIRA_FETCH = "integrations.jira.fetch";
  public static final String JIRA_DELETE = "integrations.jira.delete";
  public static final String JIRA_CREATE_GENERAL_TICKET = "integrations.jira.create-general-ticket";
  public static final String JIRA_ATTACH_FILE = "integrations.jira.attach-file";
  public static final String JIRA_CREATE_ISSUE = "integrations.jira.create-issue";
  public static final String JIRA_BULK_CREATE = "integrations.jira.bulk-create";
  public static final String JIRA_FETCH_PRIORITIES = "integrations.jira.fetch-priorities";
  public static final String JIRA_FETCH_PROJECT_STATUSES =
      "integrations.jira.fetch-project-statuses";
  public static final String JIRA_FIELD_METADATA = "integrations.jira.field-metadata";
  public static final String JIRA_SAVE_PRIORITY_MAPPING = "integrations.jira.save-priority-mapping";
  public static final String JIRA_FETCH_PRIORITY_MAPPING =
      "integrations.jira.fetch-priority-mapping";
  public static final String JIRA_TEST_INTEGRATION = "integrations.jira.test-integration";
  public static final String JIRA_ADD_LEGACY = "integrations.jira.add-legacy";

  /**
   * Published (to every node, no reply) after an account's Jira integration is saved: {@code
   * {"accountId": <long>}}. Nodes drop what they keep about it, such as field metadata.
   */
  public static final String JIRA_SETTINGS_CHANGED = "integrations.jira.settings-changed";

  public static final String CONNECTIONS_MARK_SKIPPED = "integrations.connections.mark-skipped";
  public static final String CONNECTIONS_INFO = "integrations.connections.info";

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
