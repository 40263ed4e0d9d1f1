package com.apisec.gateway.api;

import static com.apisec.gateway.api.Operation.Access.READ;
import static com.apisec.gateway.api.Operation.Access.READ_WRITE;
import static com.apisec.gateway.api.Operation.Feature.INTEGRATIONS;
import static com.apisec.gateway.api.Operation.Feature.ISSUES;

import com.apisec.gateway.core.Addresses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The route table: every operation the HTTP API serves, with its permission and address. */
public final class Operations {
  private static final List<Operation> ALL =
      List.of(
          new Operation("jira/add", INTEGRATIONS, READ_WRITE, Addresses.JIRA_ADD),
          new Operation("fetchIntegration", INTEGRATIONS, READ, Addresses.JIRA_FETCH),
          new Operation("jira/delete", INTEGRATIONS, READ_WRITE, Addresses.JIRA_DELETE),
          new Operation(
              "createGeneralJiraTicket", INTEGRATIONS, READ, Addresses.JIRA_CREATE_GENERAL_TICKET),
          new Operation("attachFileToIssue", ISSUES, READ_WRITE, Addresses.JIRA_ATTACH_FILE),
          new Operation("createJiraIssue", ISSUES, READ_WRITE, Addresses.JIRA_CREATE_ISSUE),
          new Operation("bulkCreateJiraTickets", ISSUES, READ_WRITE, Addresses.JIRA_BULK_CREATE),
          new Operation(
              "jira/fetchPriorities", INTEGRATIONS, READ, Addresses.JIRA_FETCH_PRIORITIES),
          new Operation(
              "jira/fetchProjectStatuses",
              INTEGRATIONS,
              READ,
              Addresses.JIRA_FETCH_PROJECT_STATUSES),
          new Operation(
              "fetchCreateJiraIssueFieldMetaData",
              INTEGRATIONS,
              READ,
              Addresses.JIRA_FIELD_METADATA),
          new Operation(
              "jira/savePriorityFieldMapping",
              INTEGRATIONS,
              READ_WRITE,
              Addresses.JIRA_SAVE_PRIORITY_MAPPING),
          new Operation(
              "jira/fetchPriorityFieldMapping",
              INTEGRATIONS,
              READ,
              Addresses.JIRA_FETCH_PRIORITY_MAPPING),
          new Operation(
              "testIntegration", INTEGRATIONS, READ_WRITE, Addresses.JIRA_TEST_INTEGRATION),
          new Operation("addIntegration", INTEGRATIONS, READ_WRITE, Addresses.JIRA_ADD_LEGACY),
          new Operation(
              "markConnectionAsSkipped",
              INTEGRATIONS,
              READ_WRITE,
              Addresses.CONNECTIONS_MARK_SKIPPED),
          new Operation(
              "getIntegratedConnectionsInfo", INTEGRATIONS, READ, Addresses.CONNECTIONS_INFO),
          new Operation("fetchIntegrationJobs", INTEGRATIONS, READ, Addresses.SCHEDULER_FETCH_JOBS),
          new Operation(
              "runIntegrationJobNow", INTEGRATIONS, READ_WRITE, Addresses.SCHEDULER_RUN_NOW),
          new Operation("pauseIntegrationJob", INTEGRATIONS, READ_WRITE, Addresses.SCHEDULER_PAUSE),
          new Operation(
              "resumeIntegrationJob", INTEGRATIONS, READ_WRITE, Addresses.SCHEDULER_RESUME));

  private static final Map<String, Operation> BY_NAME = index();

  private Operations() {}

  public static List<Operation> all() {
    return ALL;
  }

  public static Optional<Operation> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  private static Map<String, Operation> index() {
    Map<String, Operation> map = new LinkedHashMap<>();
    for (Operation op : ALL) {
      if (map.put(op.name(), op) != null) {
        throw new IllegalStateException("operation listed twice: " + op.name());
      }
    }
    return Map.copyOf(map);
  }
}
