package com.apisec.gateway.sandbox.jira;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Issue search with the JQL subset of {@link Jql} and the requested fields. Cloud's {@code
 * /search/jql} (POST and GET) also returns entity properties and pages by token; Data Center's
 * {@code /search} pages by {@code startAt} and returns no properties.
 */
final class JiraSearchRoutes {
  static final int DEFAULT_MAX = 50;
  static final int LIMIT_MAX = 5000;

  private final JiraState state;
  private final JiraFlavor flavor;

  JiraSearchRoutes(JiraState state, JiraFlavor flavor) {
    this.state = state;
    this.flavor = flavor;
  }

  void mount(Router router) {
    String path = flavor.path(flavor.cloud() ? "/search/jql" : "/search");
    router.post(path).handler(this::post);
    router.get(path).handler(this::get);
  }

  /** A search as asked: the query, what to show of each issue, and which page. */
  private record Search(
      String jql,
      List<String> fields,
      List<String> properties,
      int maxResults,
      String token,
      int startAt) {}

  private void post(RoutingContext ctx) {
    JsonObject body = JiraReplies.jsonObject(ctx);
    if (body == null) {
      return;
    }
    try {
      Search search =
          new Search(
              body.getString("jql"),
              strings(body.getJsonArray("fields")),
              strings(body.getJsonArray("properties")),
              body.getInteger("maxResults", DEFAULT_MAX),
              body.getString("nextPageToken"),
              body.getInteger("startAt", 0));
      answer(ctx, search);
    } catch (ClassCastException e) {
      JiraReplies.messages(ctx, 400, JiraReplies.BAD_PAYLOAD);
    }
  }

  private void get(RoutingContext ctx) {
    int maxResults;
    int startAt;
    try {
      maxResults = intParam(ctx, "maxResults", DEFAULT_MAX);
      startAt = intParam(ctx, "startAt", 0);
    } catch (NumberFormatException e) {
      JiraReplies.messages(ctx, 400, "maxResults and startAt must be numbers.");
      return;
    }
    Search search =
        new Search(
            ctx.request().getParam("jql"),
            JiraIssueRoutes.listParam(ctx, "fields"),
            JiraIssueRoutes.listParam(ctx, "properties"),
            maxResults,
            ctx.request().getParam("nextPageToken"),
            startAt);
    answer(ctx, search);
  }

  private static int intParam(RoutingContext ctx, String name, int fallback) {
    String value = ctx.request().getParam(name);
    return value == null ? fallback : Integer.parseInt(value);
  }

  private void answer(RoutingContext ctx, Search search) {
    Jql jql;
    int offset;
    try {
      jql = Jql.parse(search.jql());
      offset = flavor.cloud() ? offset(search.token()) : Math.max(0, search.startAt());
      checkProjects(jql);
    } catch (IllegalArgumentException e) {
      JiraReplies.messages(ctx, 400, e.getMessage());
      return;
    }

    List<JiraIssue> found = matching(jql);
    int size = Math.max(1, Math.min(search.maxResults(), LIMIT_MAX));
    List<JiraIssue> page =
        found.subList(Math.min(offset, found.size()), Math.min(offset + size, found.size()));
    boolean last = offset + size >= found.size();
    JsonArray issues = new JsonArray();
    page.forEach(issue -> issues.add(shown(issue, search, Links.of(ctx, flavor))));
    JiraReplies.json(ctx, 200, reply(issues, offset, size, found.size(), last));
  }

  private JsonObject reply(JsonArray issues, int offset, int size, int total, boolean last) {
    if (!flavor.cloud()) {
      return new JsonObject()
          .put("expand", "schema,names")
          .put("startAt", offset)
          .put("maxResults", size)
          .put("total", total)
          .put("issues", issues);
    }
    JsonObject reply = new JsonObject().put("issues", issues).put("isLast", last);
    if (!last) {
      reply.put("nextPageToken", token(offset + size));
    }
    return reply;
  }

  private void checkProjects(Jql jql) {
    for (String project : jql.projects()) {
      if (state.project(project).isEmpty()) {
        throw new IllegalArgumentException(
            "The value '" + project + "' does not exist for the field 'project'.");
      }
    }
  }

  private List<JiraIssue> matching(Jql jql) {
    Set<String> keys = new HashSet<>();
    jql.projects().forEach(p -> state.project(p).ifPresent(found -> keys.add(found.key())));
    List<JiraIssue> found = new ArrayList<>();
    for (JiraIssue issue : state.issues()) {
      boolean inProject = keys.isEmpty() || keys.contains(issue.project().key());
      boolean isKey = jql.key() == null || jql.key().equals(issue.key());
      if (inProject && isKey) {
        found.add(issue);
      }
    }
    Comparator<JiraIssue> oldestFirst =
        Comparator.comparing(JiraIssue::created)
            .thenComparing(issue -> Integer.parseInt(issue.id()));
    found.sort(jql.newestFirst() ? oldestFirst.reversed() : oldestFirst);
    return found;
  }

  private JsonObject shown(JiraIssue issue, Search search, Links links) {
    List<String> fields = search.fields() == null ? List.of("id") : search.fields();
    boolean all = fields.contains("*all") || fields.contains("*navigable");
    List<String> properties = flavor.cloud() ? search.properties() : null;
    return issue.toJson(links, all ? null : fields, properties);
  }

  private static List<String> strings(JsonArray array) {
    if (array == null) {
      return null;
    }
    return array.stream().map(String.class::cast).toList();
  }

  private static String token(int offset) {
    String text = "offset:" + offset;
    return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith("offset:")) {
        return Math.max(0, Integer.parseInt(text.substring(7)));
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw new IllegalArgumentException("The nextPageToken is not valid.");
  }
}
