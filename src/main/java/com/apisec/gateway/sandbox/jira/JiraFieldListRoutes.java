package com.apisec.gateway.sandbox.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The site-wide field listings, paged by {@code startAt} and {@code maxResults} (50 unless asked):
 * Cloud's field search ({@code GET /field/search}, system and custom fields, with {@code type} to
 * keep one kind and {@code expand} for {@code key}, {@code isLocked}, {@code isUnscreenable},
 * {@code searcherKey} and {@code screensCount}), and Data Center's custom-field listing ({@code GET
 * /customFields}, each with {@code isLocked} and {@code isManaged}).
 */
final class JiraFieldListRoutes {
  private static final int PAGE = 50;
  private static final String SEARCHER = "com.atlassian.jira.plugin.system.customfieldtypes:";

  private final JiraFlavor flavor;

  JiraFieldListRoutes(JiraFlavor flavor) {
    this.flavor = flavor;
  }

  void mount(Router router) {
    if (flavor.cloud()) {
      router.get(flavor.path("/field/search")).handler(this::search);
    } else {
      router.get(flavor.path("/customFields")).handler(this::customFields);
    }
  }

  private void search(RoutingContext ctx) {
    Links links = Links.of(ctx, flavor);
    List<String> types = ctx.queryParam("type");
    Set<String> expand = expand(ctx.queryParam("expand"));
    JsonArray fields = new JsonArray();
    JiraSiteFields.all(links).stream()
        .filter(f -> types.isEmpty() || types.contains(f.custom() ? "custom" : "system"))
        .forEach(f -> fields.add(searchItem(f, expand)));

    Slice slice = slice(ctx, fields);
    JsonObject body =
        new JsonObject()
            .put("self", links.api("/field/search?startAt=" + slice.startAt()))
            .put("maxResults", slice.maxResults())
            .put("startAt", slice.startAt())
            .put("total", fields.size())
            .put("isLast", slice.last())
            .put("values", slice.items());
    if (!slice.last()) {
      int next = slice.startAt() + slice.items().size();
      body.put("nextPage", links.api("/field/search?startAt=" + next));
    }
    JiraReplies.json(ctx, 200, body);
  }

  private static Set<String> expand(List<String> values) {
    return values.stream()
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::trim)
        .collect(Collectors.toSet());
  }

  private static JsonObject searchItem(JiraSiteFields.SiteField field, Set<String> expand) {
    JsonObject item =
        new JsonObject()
            .put("id", field.id())
            .put("name", field.name())
            .put("schema", field.schema());
    if (expand.contains("key")) {
      item.put("key", field.id());
    }
    if (expand.contains("isLocked")) {
      item.put("isLocked", field.locked());
    }
    if (expand.contains("isUnscreenable")) {
      item.put("isUnscreenable", field.unscreenable());
    }
    if (expand.contains("searcherKey") && field.custom()) {
      item.put("searcherKey", SEARCHER + "textsearcher");
    }
    if (expand.contains("screensCount")) {
      item.put("screensCount", field.screens());
    }
    return item;
  }

  private void customFields(RoutingContext ctx) {
    Links links = Links.of(ctx, flavor);
    JsonArray fields = new JsonArray();
    JiraSiteFields.all(links).stream()
        .filter(JiraSiteFields.SiteField::custom)
        .forEach(f -> fields.add(customFieldBean(f, links)));

    Slice slice = slice(ctx, fields);
    JsonObject body =
        new JsonObject()
            .put("maxResults", slice.maxResults())
            .put("startAt", slice.startAt())
            .put("total", fields.size())
            .put("isLast", slice.last())
            .put("values", slice.items());
    JiraReplies.json(ctx, 200, body);
  }

  private static JsonObject customFieldBean(JiraSiteFields.SiteField field, Links links) {
    return new JsonObject()
        .put("id", field.id())
        .put("numericId", field.numericId())
        .put("name", field.name())
        .put("type", field.schema().getString("custom"))
        .put("searcherKey", SEARCHER + "textsearcher")
        .put("self", links.api("/customField/" + field.numericId()))
        .put("isLocked", field.locked())
        .put("isManaged", field.locked())
        .put("isAllProjects", true)
        .put("isTrusted", true)
        .put("projectIds", new JsonArray())
        .put("issueTypeIds", new JsonArray())
        .put("projectsCount", 2)
        .put("screensCount", field.screens());
  }

  private record Slice(JsonArray items, int startAt, int maxResults, boolean last) {}

  private static Slice slice(RoutingContext ctx, JsonArray all) {
    int startAt = Math.max(0, JiraCreateMetaRoutes.intParam(ctx, "startAt", 0));
    int maxResults = Math.max(1, JiraCreateMetaRoutes.intParam(ctx, "maxResults", PAGE));
    List<Object> items = all.getList();
    int end = Math.min(items.size(), startAt + maxResults);
    JsonArray page = new JsonArray(items.subList(Math.min(startAt, end), end));
    return new Slice(page, startAt, maxResults, end >= items.size());
  }
}
