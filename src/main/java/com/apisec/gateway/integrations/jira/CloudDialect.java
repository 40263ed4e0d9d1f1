package com.apisec.gateway.integrations.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Jira Cloud: REST v3, Basic email:token, descriptions in Atlassian Document Format. */
final class CloudDialect implements JiraDialect {
  static final CloudDialect INSTANCE = new CloudDialect();

  private CloudDialect() {}

  @Override
  public String rest(String resource) {
    return "/rest/api/3" + resource;
  }

  @Override
  public String authorization(JiraCredentials credentials) {
    return "Basic " + credentials.basicValue();
  }

  @Override
  public Object description(Description description) {
    AdfDocument doc = AdfDocument.create();
    for (Description.Block block : description.blocks()) {
      add(doc, block);
    }
    return doc.isEmpty() ? null : doc.toJson();
  }

  private static void add(AdfDocument doc, Description.Block block) {
    if (block instanceof Description.Text t) {
      doc.text(t.text());
    } else if (block instanceof Description.Link l) {
      doc.link(l.text(), l.href());
    } else if (block instanceof Description.Heading h) {
      doc.heading(h.level(), h.text());
    } else if (block instanceof Description.Bullets b) {
      doc.bulletList(b.items());
    } else {
      doc.codeBlock(((Description.Code) block).text());
    }
  }

  @Override
  public int size(Object description) {
    return description instanceof JsonObject json ? json.encode().length() : 0;
  }

  @Override
  public Object propertyValue(JsonObject value) {
    return value;
  }

  @Override
  public String searchPath() {
    return rest("/search/jql");
  }

  @Override
  public JsonObject searchBody(String jql, String propertyKey, int maxResults) {
    return new JsonObject()
        .put("jql", jql)
        .put("properties", new JsonArray().add(propertyKey))
        .put("fields", new JsonArray().add("summary"))
        .put("maxResults", maxResults);
  }

  @Override
  public boolean searchReturnsProperties() {
    return true;
  }

  @Override
  public Page issueTypePage(JsonObject page) {
    return page(page, "issueTypes");
  }

  @Override
  public Page fieldPage(JsonObject page) {
    return page(page, "fields");
  }

  /** The field search, with the two flags asked for by {@code expand}. */
  @Override
  public String fieldFlagsPath(int startAt) {
    return rest(
        "/field/search?startAt=" + startAt + "&maxResults=50&expand=isLocked,isUnscreenable");
  }

  /** The field search says {@code isLast} as well as {@code total}; either ends the listing. */
  @Override
  public Page fieldFlagPage(JsonObject page) {
    JsonArray items = page.getJsonArray("values", new JsonArray());
    int next = page.getInteger("startAt", 0) + items.size();
    boolean last =
        items.isEmpty()
            || Boolean.TRUE.equals(page.getValue("isLast"))
            || page.getValue("total") instanceof Number total && next >= total.intValue();
    return new Page(items, last ? -1 : next);
  }

  @Override
  public String hiddenFieldId(JsonObject field) {
    boolean hidden =
        Boolean.TRUE.equals(field.getValue("isLocked"))
            || Boolean.TRUE.equals(field.getValue("isUnscreenable"));
    return hidden && field.getValue("id") instanceof String id ? id : null;
  }

  /** Cloud pages by {@code startAt} and {@code total}. */
  private static Page page(JsonObject page, String itemsKey) {
    JsonArray items = page.getJsonArray(itemsKey, new JsonArray());
    int startAt = page.getInteger("startAt", 0);
    int total = page.getInteger("total", 0);
    int next = startAt + items.size();
    return new Page(items, items.isEmpty() || next >= total ? -1 : next);
  }
}
