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
