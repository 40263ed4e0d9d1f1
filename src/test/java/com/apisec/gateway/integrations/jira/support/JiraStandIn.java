package com.apisec.gateway.integrations.jira.support;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Jira Cloud stand-in served under {@code /jira}, the path the gateway's sandbox routing
 * sends Jira calls to. Projects SCRUM and API with issue types Bug (10001) and Story (10002); token
 * {@code invalid-token} is refused; failures can be queued per call kind.
 */
public final class JiraStandIn {
  public static final String INVALID_TOKEN = "invalid-token";
  private static final Set<String> PROJECTS = Set.of("SCRUM", "API");
  private static final Map<String, String> ISSUE_TYPES = Map.of("10001", "Bug", "10002", "Story");
  private static final Pattern JQL_PROJECTS = Pattern.compile("project in \\(([^)]*)\\)");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

  /** One request as it arrived. */
  public record Recorded(String method, String path, MultiMap headers, String body) {}

  /** A queued failure: the status and body to answer with, after a delay, maybe after acting. */
  public record Failure(int status, String contentType, String body, long delayMs, boolean act) {
    public static Failure html(int status) {
      return new Failure(
          status, "text/html", "<html><body><h1>" + status + "</h1></body></html>", 0, false);
    }

    public static Failure json(int status, JsonObject body) {
      return new Failure(status, "application/json", body.encode(), 0, false);
    }

    /** Creates the issue, then answers with this failure (the caller cannot know it exists). */
    public Failure afterActing() {
      return new Failure(status, contentType, body, delayMs, true);
    }

    /** Creates the issue at once but answers (normally) only after {@code ms}. */
    public static Failure slow(long ms) {
      return new Failure(0, null, null, ms, true);
    }
  }

  private final Vertx vertx;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final List<JsonObject> issues = new ArrayList<>();
  private final Map<String, List<JsonObject>> attachments = new HashMap<>();
  private final Map<String, Deque<Failure>> failures = new HashMap<>();
  private HttpServer server;

  public JiraStandIn(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<Integer> start() {
    Router router = Router.router(vertx);
    router.route("/jira/*").handler(BodyHandler.create(System.getProperty("java.io.tmpdir")));
    router.route("/jira/*").handler(this::record);
    router.route("/jira/*").handler(this::authenticate);
    router.get("/jira/rest/api/3/issue/createmeta/:key/issuetypes").handler(this::issueTypes);
    router.post("/jira/rest/api/3/issue").handler(ctx -> maybeFail(ctx, "create", this::create));
    router
        .post("/jira/rest/api/3/search/jql")
        .handler(ctx -> maybeFail(ctx, "search", this::search));
    router
        .post("/jira/rest/api/3/issue/:key/attachments")
        .handler(ctx -> maybeFail(ctx, "attach", this::attach));
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(0, "127.0.0.1")
        .map(
            s -> {
              server = s;
              return s.actualPort();
            });
  }

  public Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** Forgets issues, requests and queued failures. */
  public synchronized void reset() {
    requests.clear();
    issues.clear();
    attachments.clear();
    failures.clear();
  }

  /** Queues a failure for the next call of a kind: issueTypes, create, search or attach. */
  public synchronized void failNext(String kind, Failure failure) {
    failures.computeIfAbsent(kind, k -> new ArrayDeque<>()).add(failure);
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  public long count(String method, String pathPart) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.path().contains(pathPart))
        .count();
  }

  public synchronized List<JsonObject> issues() {
    return issues.stream().map(JsonObject::copy).toList();
  }

  public synchronized List<JsonObject> attachments(String key) {
    return List.copyOf(attachments.getOrDefault(key, List.of()));
  }

  private void record(RoutingContext ctx) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().headers());
    String body = ctx.body().buffer() == null ? "" : ctx.body().asString();
    requests.add(new Recorded(ctx.request().method().name(), ctx.request().path(), headers, body));
    ctx.next();
  }

  private void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String token = null;
    if (header != null && header.startsWith("Basic ")) {
      String pair =
          new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
      token = pair.contains(":") ? pair.substring(pair.indexOf(':') + 1) : null;
    }
    if (token == null || token.isEmpty() || token.equals(INVALID_TOKEN)) {
      send(
          ctx,
          401,
          new JsonObject()
              .put(
                  "errorMessages",
                  new JsonArray().add("Client must be authenticated to access this resource.")));
      return;
    }
    ctx.next();
  }

  private void issueTypes(RoutingContext ctx) {
    String key = ctx.pathParam("key");
    if (!PROJECTS.contains(key)) {
      send(ctx, 404, errors("No project could be found with key '" + key + "'.", null, null));
      return;
    }
    maybeFail(
        ctx,
        "issueTypes",
        c -> {
          JsonArray types = new JsonArray();
          ISSUE_TYPES.forEach(
              (id, name) -> types.add(new JsonObject().put("id", id).put("name", name)));
          send(
              c,
              200,
              new JsonObject()
                  .put("startAt", 0)
                  .put("maxResults", 50)
                  .put("total", types.size())
                  .put("issueTypes", types));
        });
  }

  private synchronized void maybeFail(
      RoutingContext ctx, String kind, io.vertx.core.Handler<RoutingContext> normal) {
    Deque<Failure> queue = failures.get(kind);
    Failure failure = queue == null ? null : queue.poll();
    if (failure == null) {
      normal.handle(ctx);
      return;
    }
    JsonObject acted = failure.act() ? act(kind, ctx) : null;
    Runnable answer =
        () -> {
          if (failure.status() != 0) {
            ctx.response()
                .setStatusCode(failure.status())
                .putHeader("Content-Type", failure.contentType())
                .end(failure.body());
          } else if (acted != null) {
            send(
                ctx,
                201,
                new JsonObject()
                    .put("id", acted.getString("id"))
                    .put("key", acted.getString("key")));
          } else {
            normal.handle(ctx);
          }
        };
    if (failure.delayMs() > 0) {
      vertx.setTimer(failure.delayMs(), t -> answer.run());
    } else {
      answer.run();
    }
  }

  /** Does what the call asks (only creates act) before a failure hides it from the caller. */
  private JsonObject act(String kind, RoutingContext ctx) {
    JsonObject body = kind.equals("create") ? ctx.body().asJsonObject() : null;
    return body != null && validate(body) == null ? store(body) : null;
  }

  private synchronized void create(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      send(ctx, 400, errors("Invalid request payload.", null, null));
      return;
    }
    JsonObject problem = validate(body);
    if (problem != null) {
      send(ctx, 400, problem);
      return;
    }
    JsonObject issue = store(body);
    send(
        ctx,
        201,
        new JsonObject()
            .put("id", issue.getString("id"))
            .put("key", issue.getString("key"))
            .put("self", "https://jira.test/rest/api/3/issue/" + issue.getString("id")));
  }

  private JsonObject validate(JsonObject body) {
    JsonObject fields = body == null ? null : body.getJsonObject("fields");
    if (fields == null) {
      return errors("fields are required", null, null);
    }
    JsonObject project = fields.getJsonObject("project", new JsonObject());
    if (!PROJECTS.contains(project.getString("key", ""))) {
      return errors(null, "project", "valid project is required");
    }
    JsonObject type = fields.getJsonObject("issuetype", new JsonObject());
    if (!ISSUE_TYPES.containsKey(type.getString("id", ""))) {
      return errors(null, "issuetype", "valid issue type is required");
    }
    String summary = fields.getString("summary", "");
    if (summary.isBlank() || summary.length() > 255 || summary.contains("\n")) {
      return errors(null, "summary", "Summary must be less than 255 characters.");
    }
    Object description = fields.getValue("description");
    if (description != null && !AdfCheck.isDocument(description)) {
      return errors(null, "description", "Operation value must be an Atlassian Document");
    }
    return null;
  }

  private synchronized JsonObject store(JsonObject body) {
    JsonObject fields = body.getJsonObject("fields");
    String project = fields.getJsonObject("project").getString("key");
    long number = issues.stream().filter(i -> i.getString("project").equals(project)).count() + 1;
    JsonObject properties = new JsonObject();
    for (Object item : body.getJsonArray("properties", new JsonArray())) {
      JsonObject property = (JsonObject) item;
      properties.put(property.getString("key"), property.getValue("value"));
    }
    JsonObject issue =
        new JsonObject()
            .put("id", String.valueOf(10_000 + issues.size() + 1))
            .put("key", project + "-" + number)
            .put("project", project)
            .put("fields", fields.copy())
            .put("properties", properties);
    issues.add(issue);
    return issue;
  }

  private synchronized void search(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    Matcher projects = JQL_PROJECTS.matcher(body.getString("jql", ""));
    List<String> keys = new ArrayList<>();
    if (projects.find()) {
      Matcher quoted = QUOTED.matcher(projects.group(1));
      while (quoted.find()) {
        keys.add(quoted.group(1));
      }
    }
    JsonArray wanted = body.getJsonArray("properties", new JsonArray());
    JsonArray found = new JsonArray();
    for (int i = issues.size() - 1;
        i >= 0 && found.size() < body.getInteger("maxResults", 50);
        i--) {
      JsonObject issue = issues.get(i);
      if (keys.contains(issue.getString("project"))) {
        JsonObject properties = new JsonObject();
        wanted.forEach(
            k -> {
              Object value = issue.getJsonObject("properties").getValue((String) k);
              if (value != null) {
                properties.put((String) k, value);
              }
            });
        found.add(
            new JsonObject()
                .put("id", issue.getString("id"))
                .put("key", issue.getString("key"))
                .put(
                    "fields",
                    new JsonObject()
                        .put("summary", issue.getJsonObject("fields").getString("summary")))
                .put("properties", properties));
      }
    }
    send(ctx, 200, new JsonObject().put("issues", found));
  }

  private void attach(RoutingContext ctx) {
    String key = ctx.pathParam("key");
    if (!"no-check".equals(ctx.request().getHeader("X-Atlassian-Token"))) {
      send(ctx, 403, errors("XSRF check failed", null, null));
      return;
    }
    List<FileUpload> uploads = ctx.fileUploads();
    if (uploads.size() != 1 || !uploads.get(0).name().equals("file")) {
      send(ctx, 400, errors("Expected one multipart part named 'file'", null, null));
      return;
    }
    synchronized (this) {
      if (issues.stream().noneMatch(i -> i.getString("key").equals(key))) {
        send(
            ctx,
            404,
            errors("Issue does not exist or you do not have permission to see it.", null, null));
        return;
      }
    }
    FileUpload upload = uploads.get(0);
    vertx
        .fileSystem()
        .readFile(upload.uploadedFileName())
        .onSuccess(
            content -> {
              JsonObject attachment =
                  new JsonObject()
                      .put("id", "2" + System.nanoTime() % 100000)
                      .put("filename", upload.fileName())
                      .put("size", content.length())
                      .put("content", content.toString(StandardCharsets.UTF_8));
              synchronized (this) {
                attachments.computeIfAbsent(key, k -> new ArrayList<>()).add(attachment);
              }
              send(ctx, 200, new JsonArray().add(attachment.copy().put("content", (String) null)));
            });
  }

  private static JsonObject errors(String message, String field, String fieldMessage) {
    JsonArray messages = new JsonArray();
    if (message != null) {
      messages.add(message);
    }
    JsonObject fields = new JsonObject();
    if (field != null) {
      fields.put(field, fieldMessage);
    }
    return new JsonObject().put("errorMessages", messages).put("errors", fields);
  }

  private static void send(RoutingContext ctx, int status, Object body) {
    Buffer buffer =
        body instanceof JsonArray array ? array.toBuffer() : ((JsonObject) body).toBuffer();
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(buffer);
  }
}
