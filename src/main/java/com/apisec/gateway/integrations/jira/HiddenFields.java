package com.apisec.gateway.integrations.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;

/**
 * The fields that Jira's site-wide listing flags as unfit for the dashboard's create form: locked
 * (managed by Jira or an app) or, on Cloud, not screenable. The field metadata leaves them out, as
 * the dashboard's reference does, except where a create screen marks one required: an issue of that
 * type cannot be made without it, so the form has to offer it.
 *
 * @param ids the create-meta ids of the flagged fields
 */
record HiddenFields(Set<String> ids) {
  /** Nothing known to hide. */
  static final HiddenFields NONE = new HiddenFields(Set.of());

  HiddenFields {
    ids = Set.copyOf(ids);
  }

  /** The flagged fields of a listing, read as the deployment writes its flags. */
  static HiddenFields from(JsonArray listed, JiraDialect dialect) {
    Set<String> ids = new HashSet<>();
    for (Object item : listed) {
      String id = item instanceof JsonObject field ? dialect.hiddenFieldId(field) : null;
      if (id != null) {
        ids.add(id);
      }
    }
    return new HiddenFields(ids);
  }

  /** A create screen's fields without the hidden ones, in their order. */
  JsonArray visible(JsonArray screenFields) {
    if (ids.isEmpty()) {
      return screenFields;
    }
    JsonArray out = new JsonArray();
    for (Object item : screenFields) {
      if (!(item instanceof JsonObject field) || !hidden(field)) {
        out.add(item);
      }
    }
    return out;
  }

  private boolean hidden(JsonObject field) {
    Object id =
        field.getValue("fieldId") != null ? field.getValue("fieldId") : field.getValue("key");
    return id instanceof String text
        && ids.contains(text)
        && !Boolean.TRUE.equals(field.getValue("required"));
  }
}
