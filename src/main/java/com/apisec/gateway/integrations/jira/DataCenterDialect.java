package com.apisec.gateway.integrations.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Jira Data Center and Server: REST v2, {@code Bearer} personal access token, descriptions in wiki
 * markup. Its search cannot return issue properties, and its listings page with {@code values} and
 * {@code isLast}.
 */
final class DataCenterDialect implements JiraDialect {
  static final DataCenterDialect INSTANCE = new DataCenterDialect();
  private static final String CUSTOM = "customfield_";

  private DataCenterDialect() {}

  @Override
  public String rest(String resource) {
    return "/rest/api/2" + resource;
  }

  @Override
  public String authorization(JiraCredentials credentials) {
    return "Bearer " + credentials.apiToken();
  }

  @Override
  public Object description(Description description) {
    String wiki = WikiMarkup.render(description);
    return wiki.isBlank() ? null : wiki;
  }

  @Override
  public int size(Object description) {
    return description instanceof String text ? text.length() : 0;
  }

  /**
   * Data Center's API describes a property value as a string, so the value goes as JSON text; a
   * read gives back either that text or the object, and {@link TicketMarker} accepts both.
   */
  @Override
  public Object propertyValue(JsonObject value) {
    return value.encode();
  }

  @Override
  public String searchPath() {
    return rest("/search");
  }

  @Override
  public JsonObject searchBody(String jql, String propertyKey, int maxResults) {
    return new JsonObject()
        .put("jql", jql)
        .put("fields", new JsonArray().add("summary"))
        .put("startAt", 0)
        .put("maxResults", maxResults);
  }

  @Override
  public boolean searchReturnsProperties() {
    return false;
  }

  @Override
  public Page issueTypePage(JsonObject page) {
    return page(page);
  }

  @Override
  public Page fieldPage(JsonObject page) {
    return page(page);
  }

  /** The custom-field listing; Data Center flags locked fields, and has no screen flag. */
  @Override
  public String fieldFlagsPath(int startAt) {
    return rest("/customFields?startAt=" + startAt + "&maxResults=50");
  }

  @Override
  public Page fieldFlagPage(JsonObject page) {
    return page(page);
  }

  /** The listing's {@code id} may be {@code customfield_10020} or the bare number. */
  @Override
  public String hiddenFieldId(JsonObject field) {
    if (!Boolean.TRUE.equals(field.getValue("isLocked"))) {
      return null;
    }
    Object id = field.getValue("id");
    if (id instanceof String text && text.startsWith(CUSTOM)) {
      return text;
    }
    Object number = field.getValue("numericId") != null ? field.getValue("numericId") : id;
    return number == null ? null : CUSTOM + number;
  }

  /** Data Center pages hold {@code values} and say whether they are the last. */
  private static Page page(JsonObject page) {
    JsonArray items = page.getJsonArray("values", new JsonArray());
    int startAt = page.getInteger("startAt", 0);
    boolean last = page.getBoolean("isLast", true);
    return new Page(items, last || items.isEmpty() ? -1 : startAt + items.size());
  }
}
