package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.store.Finding;
import io.vertx.core.json.JsonArray;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The summary and description of a ticket for a finding: the host, the endpoint, a link back to the
 * dashboard, the description, then the overview (severity), timelines and the test template's
 * impact, tags, compliance clauses, CWE, CVE, references and remediation.
 */
final class FindingContent {
  static final int PATH_MAX = 30;
  private static final int PATH_EDGE = 15;
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private FindingContent() {}

  /** {@code Akto Report - <title> (<METHOD> - <path>)}, a long path shortened in the middle. */
  static String summary(Finding finding, FindingText text) {
    String path = text.endpointPath();
    String shown = shorten(path == null || path.isBlank() ? endpoint(finding) : path);
    return Summary.of(
        "Akto Report - "
            + title(finding, text)
            + " ("
            + finding.id().method()
            + " - "
            + shown
            + ")");
  }

  static String shorten(String path) {
    if (path.length() <= PATH_MAX) {
      return path;
    }
    return path.substring(0, PATH_EDGE) + "..." + path.substring(path.length() - PATH_EDGE);
  }

  private static String title(Finding finding, FindingText text) {
    if (text.issueTitle() != null) {
      return text.issueTitle();
    }
    String name = finding.template().name();
    return name.isBlank() ? finding.id().testSubCategory() : name;
  }

  /** The description; {@code dashboardLink} stands in when the dashboard sent no issueUrl. */
  static Description description(Finding finding, FindingText text, String dashboardLink) {
    Description out = Description.create();
    out.text(or(text.hostStr(), "Host - " + host(finding)));
    out.text(or(text.endPointStr(), FindingText.ENDPOINT_PREFIX + endpoint(finding)));
    out.link("Issue link - Akto dashboard", or(text.issueUrl(), dashboardLink));
    out.text(or(text.issueDescription(), finding.template().description()));
    out.heading(3, "Overview").heading(4, "Severity").text(finding.severity());
    out.heading(3, "Timelines (UTC)").bullets(timelines(finding));
    if (finding.template().found()) {
      template(out, finding.template());
    }
    return out;
  }

  private static List<String> timelines(Finding finding) {
    List<String> lines = new ArrayList<>();
    if (finding.creationTime() > 0) {
      lines.add("Issue Found on " + date(finding.creationTime()));
    }
    String on = finding.lastUpdated() > 0 ? " on " + date(finding.lastUpdated()) : "";
    if ("IGNORED".equals(finding.status())) {
      String reason = or(finding.ignoreReason(), "No reason provided.");
      lines.add("Issue marked as IGNORED" + on + ". Reason: " + reason);
    } else if ("FIXED".equals(finding.status())) {
      lines.add("Issue marked as FIXED" + on);
    }
    return lines;
  }

  private static void template(Description out, Finding.Template template) {
    out.heading(4, "Impact").text(template.impact());
    if (!template.tags().isEmpty()) {
      out.heading(4, "Tags").bullets(template.tags());
    }
    if (!template.compliance().isEmpty()) {
      out.heading(4, "Compliance");
      for (Map.Entry<String, Object> framework : template.compliance()) {
        out.heading(5, framework.getKey());
        List<String> clauses = strings(framework.getValue());
        if (clauses.isEmpty()) {
          out.text("No clauses available.");
        } else {
          out.bullets(clauses);
        }
      }
    }
    listed(out, "CWE", template.cwe());
    listed(out, "CVE", template.cve());
    listed(out, "References", template.references());
    out.heading(3, "Remediation").text(or(template.remediation(), "No remediation provided."));
  }

  private static void listed(Description out, String title, List<String> items) {
    if (!items.isEmpty()) {
      out.heading(4, title).bullets(items);
    }
  }

  private static List<String> strings(Object value) {
    if (!(value instanceof JsonArray array)) {
      return List.of();
    }
    return array.stream().filter(v -> v != null).map(Object::toString).toList();
  }

  /** The scheme and host of the finding's URL, or the URL itself when it has none. */
  static String host(Finding finding) {
    URI uri = uri(finding.id().url());
    return uri == null || uri.getHost() == null
        ? finding.id().url()
        : uri.getScheme() + "://" + uri.getRawAuthority();
  }

  /** The path (and query) of the finding's URL. */
  static String endpoint(Finding finding) {
    URI uri = uri(finding.id().url());
    if (uri == null || uri.getHost() == null) {
      return finding.id().url();
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /** The dashboard page of a finding's test result, from the host the dashboard runs on. */
  static String dashboardLink(String dashboardHost, Finding finding) {
    if (dashboardHost == null || finding.resultId() == null) {
      return null;
    }
    String host =
        dashboardHost.endsWith("/")
            ? dashboardHost.substring(0, dashboardHost.length() - 1)
            : dashboardHost;
    return host + "/dashboard/issues?result=" + finding.resultId();
  }

  private static URI uri(String url) {
    try {
      return new URI(url);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String date(long seconds) {
    return UTC.format(Instant.ofEpochSecond(seconds));
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
