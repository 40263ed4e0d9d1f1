package com.apisec.gateway.sandbox.jira;

import com.apisec.gateway.sandbox.FormPart;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Attaching files to an issue: Jira wants the anti-XSRF header {@code X-Atlassian-Token: no-check}
 * and a {@code multipart/form-data} body whose files are in parts named {@code file}.
 */
final class JiraAttachmentRoutes {
  static final String XSRF_HEADER = "X-Atlassian-Token";
  static final String XSRF_FAILED = "XSRF check failed";

  private final JiraState state;
  private final JiraFlavor flavor;

  JiraAttachmentRoutes(JiraState state, JiraFlavor flavor) {
    this.state = state;
    this.flavor = flavor;
  }

  void mount(Router router) {
    router.post(flavor.path("/issue/:issueIdOrKey/attachments")).handler(this::attach);
  }

  private void attach(RoutingContext ctx) {
    if (!"no-check".equalsIgnoreCase(ctx.request().getHeader(XSRF_HEADER))) {
      ctx.response()
          .setStatusCode(403)
          .putHeader("Content-Type", "text/plain;charset=UTF-8")
          .end(XSRF_FAILED);
      return;
    }
    JiraIssue issue = state.issue(ctx.pathParam("issueIdOrKey")).orElse(null);
    if (issue == null) {
      JiraReplies.noIssue(ctx);
      return;
    }
    if (!isMultipart(ctx)) {
      JiraReplies.empty(ctx, 415);
      return;
    }

    List<FormPart> files =
        FormPart.of(ctx).stream().filter(p -> p.isFile() && p.name().equals("file")).toList();
    if (files.isEmpty()) {
      JiraReplies.messages(ctx, 400, "The request must have a file in a part named 'file'.");
      return;
    }
    JsonArray attached = new JsonArray();
    for (FormPart file : files) {
      JsonObject attachment = attachment(ctx, file);
      issue.addAttachment(attachment);
      attached.add(attachment);
    }
    JiraReplies.json(ctx, 200, attached);
  }

  private JsonObject attachment(RoutingContext ctx, FormPart file) {
    Links links = Links.of(ctx, flavor);
    String id = state.nextAttachmentId();
    return new JsonObject()
        .put("self", links.api("/attachment/" + id))
        .put("id", id)
        .put("filename", file.filename())
        .put("author", JiraMetaRoutes.user(ctx, flavor))
        .put("created", JiraIssue.time(Instant.now()))
        .put("size", file.size())
        .put(
            "mimeType",
            file.contentType() == null ? "application/octet-stream" : file.contentType())
        .put("content", links.api("/attachment/content/" + id));
  }

  private static boolean isMultipart(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }
}
