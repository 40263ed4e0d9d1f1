package com.apisec.gateway.sandbox.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks Jira Cloud makes on the {@code fields} of a new issue, with Jira's own messages, keyed
 * by field as in its {@code errors} object.
 */
final class JiraIssueRules {
  static final String NOT_ADF =
      "Operation value must be an Atlassian Document (see the Atlassian Document Format)";
  static final String NOT_STRING = "Operation value must be a string";
  static final String LABELS_REFUSED =
      "Field 'labels' cannot be set. It is not on the appropriate screen, or unknown.";
  static final int SUMMARY_MAX = 255;
  static final String VALIDATOR_REFUSED = "A workflow validator of this project refused the issue.";

  private static final Logger LOG = LoggerFactory.getLogger(JiraIssueRules.class);

  private JiraIssueRules() {}

  /** The project the fields name (null when none is valid) and the errors found. */
  record Verdict(JiraProject project, JsonObject errors) {
    boolean valid() {
      return errors.isEmpty();
    }
  }

  static Verdict check(JsonObject fields, JiraState state, JiraFlavor flavor) {
    JsonObject errors = new JsonObject();
    JiraProject project = project(fields.getValue("project"), state, errors);
    issueType(fields.getValue("issuetype"), project, errors);
    summary(fields.getValue("summary"), errors);
    if (fields.getValue("summary") instanceof String s && state.refusesSummary(s)) {
      errors.put("summary", VALIDATOR_REFUSED);
    }
    description(fields, flavor, errors);
    labels(fields, project, state, errors);
    priority(fields, errors);
    otherFields(fields, errors);
    return new Verdict(project, errors);
  }

  /** Fields off the screen are refused; the option fields must name one of their options. */
  private static void otherFields(JsonObject fields, JsonObject errors) {
    for (String name : fields.fieldNames()) {
      if (!JiraFields.onScreen(name)) {
        errors.put(name, String.format(JiraFields.NOT_ON_SCREEN, name));
      } else {
        JiraFields.optionProblem(name, fields.getValue(name))
            .ifPresent(problem -> errors.put(name, problem));
      }
    }
  }

  private static JiraProject project(Object value, JiraState state, JsonObject errors) {
    Optional<JiraProject> project = reference(value, "key").flatMap(state::project);
    if (project.isEmpty()) {
      errors.put("project", "Specify a valid project ID or key");
    }
    return project.orElse(null);
  }

  private static void issueType(Object value, JiraProject project, JsonObject errors) {
    Optional<String> ref = reference(value, "name");
    if (ref.isEmpty()) {
      errors.put("issuetype", "Specify an issue type");
    } else if (project != null && project.issueType(ref.get()).isEmpty()) {
      errors.put("issuetype", "Specify a valid issue type");
    }
  }

  /** The {@code id} of a reference object, or its {@code other} key (a key or a name). */
  private static Optional<String> reference(Object value, String other) {
    if (!(value instanceof JsonObject ref)) {
      return Optional.empty();
    }
    Object id = ref.getValue("id");
    if (id instanceof String || id instanceof Number) {
      return Optional.of(id.toString());
    }
    return Optional.ofNullable(ref.getValue(other) instanceof String s ? s : null);
  }

  private static void summary(Object value, JsonObject errors) {
    if (value == null || value instanceof String s && s.isBlank()) {
      errors.put("summary", "You must specify a summary of the issue.");
    } else if (!(value instanceof String s)) {
      errors.put("summary", "Operation value must be a string");
    } else if (s.length() > SUMMARY_MAX) {
      errors.put("summary", "Summary must be less than 255 characters.");
    }
  }

  private static void description(JsonObject fields, JiraFlavor flavor, JsonObject errors) {
    Object value = fields.getValue("description");
    if (value == null) {
      return;
    }
    if (!flavor.cloud()) {
      if (!(value instanceof String)) {
        errors.put("description", NOT_STRING);
      }
      return;
    }
    AdfRules.problem(value)
        .ifPresent(
            problem -> {
              LOG.debug("jira stand-in refused a description [problem: {}]", problem);
              errors.put("description", NOT_ADF);
            });
  }

  private static void labels(
      JsonObject fields, JiraProject project, JiraState state, JsonObject errors) {
    if (!fields.containsKey("labels")) {
      return;
    }
    if (project != null && state.refusesLabels(project)) {
      errors.put("labels", LABELS_REFUSED);
      return;
    }
    if (!(fields.getValue("labels") instanceof JsonArray labels)) {
      errors.put("labels", "Operation value must be an array");
      return;
    }
    for (Object label : labels) {
      String problem = label(label);
      if (problem != null) {
        errors.put("labels", problem);
        return;
      }
    }
  }

  private static String label(Object label) {
    if (!(label instanceof String text) || text.isEmpty()) {
      return "Operation value must be a non-empty string";
    }
    if (text.chars().anyMatch(Character::isWhitespace)) {
      return "The label '" + text + "' contains spaces which is invalid.";
    }
    if (text.length() > 255) {
      return "The label '"
          + text
          + "' exceeds the maximum length for a single label of 255 characters.";
    }
    return null;
  }

  private static void priority(JsonObject fields, JsonObject errors) {
    if (!fields.containsKey("priority")) {
      return;
    }
    Optional<String> ref = reference(fields.getValue("priority"), "name");
    if (ref.isEmpty() || !JiraPriorities.known(ref.get())) {
      errors.put("priority", "Specify a valid 'id' or 'name' for Priority");
    }
  }
}
