package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.outbound.OutboundException;
import com.apisec.gateway.outbound.VendorUrl;
import com.apisec.gateway.store.TestingIssueId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code bulkCreateJiraTickets}, checked: the testing issues (each named by its place
 * in {@code issuesIds} when it is wrong; repeats taken once), the project and issue type, the
 * dashboard's host for links, and the labels and extra fields for every ticket.
 */
record BulkRequest(
    List<Item> issues,
    String projId,
    String issueType,
    String dashboardHost,
    List<String> labels,
    JsonObject customFields) {

  static final int MAX_ISSUES = 1000;

  /** A testing issue and where it was in {@code issuesIds}. */
  record Item(int position, TestingIssueId id) {
    String field() {
      return "issuesIds[" + position + "]";
    }
  }

  BulkRequest {
    issues = List.copyOf(issues);
    labels = List.copyOf(labels);
    customFields = customFields.copy();
  }

  static BulkRequest from(JsonObject body) {
    BodyFields fields = BodyFields.of(body);
    List<Item> issues = issues(fields.array("issuesIds"));
    String projId = JiraKeys.project("projId", fields.required("projId"));
    String issueType = fields.required("issueType");
    String given = fields.trimmed("aktoDashboardHost");
    String host = given == null ? null : dashboardHost(given);
    JsonObject meta = fields.object(CreateIssueRequest.META);
    BodyFields metaFields = fields.nested(CreateIssueRequest.META);
    List<String> labels =
        CreateIssueRequest.labels(metaFields, meta == null ? null : meta.getValue("labels"));
    return new BulkRequest(issues, projId, issueType, host, labels, CustomFields.from(metaFields));
  }

  /**
   * Checked as vendor addresses are (a port from 1 to 65535, no user info), though not called, and
   * kept as a base URL is: without a query, a fragment or a trailing slash, since the dashboard's
   * path is added to it.
   */
  private static String dashboardHost(String host) {
    if (!host.matches("(?i)https?://[^\\s/]+(/\\S*)?")) {
      throw GatewayException.invalid("aktoDashboardHost must be an http(s) address");
    }
    try {
      return VendorUrl.normaliseBase(host);
    } catch (OutboundException e) {
      throw GatewayException.invalid(VendorUrl.refusal("aktoDashboardHost", e));
    }
  }

  private static List<Item> issues(JsonArray ids) {
    if (ids == null || ids.isEmpty()) {
      throw GatewayException.invalid("issuesIds must name at least one testing issue");
    }
    if (ids.size() > MAX_ISSUES) {
      throw GatewayException.invalid(
          "issuesIds names " + ids.size() + " testing issues; at most " + MAX_ISSUES + " at once");
    }
    Map<String, Item> unique = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      TestingIssueId id = TestingIssueId.from(ids.getValue(i), "issuesIds[" + i + "]");
      unique.putIfAbsent(id.subject(), new Item(i, id));
    }
    return new ArrayList<>(unique.values());
  }
}
