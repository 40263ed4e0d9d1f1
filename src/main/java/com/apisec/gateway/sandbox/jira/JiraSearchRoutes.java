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
 * Issue search ({@code /rest/api/3/search/jql}, POST and GET) with the JQL subset of {@link Jql},
 * the requested fields and entity properties, and token paging.
 */
final class JiraSearchRoutes {
  static final int DEFAULT_MAX = 50;
  static final int LIMIT_MAX = 5000;

  private final JiraState state;

  JiraSearchRoutes(JiraState state) {
    this.state = state;
  }

  void mount(Router router) {
    router.post("/rest/api/3/search/jql").handler(this::post);
    router.get("/rest/api/3/search/jql").handler(this::get);
  }

  /** A search as asked: the query, what to show of each issue, and which page. */
  private record Search(
      String jql, List<String> fields, List<String> properties, int maxResults, String token) {}

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
              body.getString("nextPageToken"));
      answer(ctx, search);
    } catch (ClassCastException e) {
      JiraReplies.messages(ctx, 400, JiraReplies.BAD_PAYLOAD);
    }
  }

  private void get(RoutingContext ctx) {
    String max = ctx.request().getParam("maxResults");
    int maxResults;
    try {
      maxResults = max == null ? DEFAULT_MAX : Integer.parseInt(max);
    } catch (NumberFormatException e) {
      JiraReplies.messages(ctx, 400, "maxResults must be a number.");
      return;
    }
    Search search =
        new Search(
            ctx.request().getParam("jql"),
            JiraIssueRoutes.listParam(ctx, "fields"),
            JiraIssueRoutes.listParam(ctx, "properties"),
            maxResults,
            ctx.request().getParam("nextPageToken"));
    answer(ctx, search);
  }

  private void answer(RoutingContext ctx, Search search) {
    Jql jql;
    int offset;
    try {
      jql = Jql.parse(search.jql());
      offset = offset(search.token());
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
    page.forEach(issue -> issues.add(shown(issue, search, JiraReplies.base(ctx))));
    JsonObject reply = new JsonObject().put("issues", issues).put("isLast", last);
    if (!last) {
      reply.put("nextPageToken", token(offset + size));
    }
    JiraReplies.json(ctx, 200, reply);
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

  private static JsonObject shown(JiraIssue issue, Search search, String base) {
    List<String> fields = search.fields() == null ? List.of("id") : search.fields();
    boolean all = fields.contains("*all") || fields.contains("*navigable");
    return issue.toJson(base, all ? null : fields, search.properties());
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
