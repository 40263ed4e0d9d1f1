package com.apisec.gateway.bench;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The baseline: a bare Vert.x server that turns each request into the same Jira create call the
 * gateway makes, with no token check, store, ledger or guard, and answers with Jira's reply.
 */
final class PassThroughVerticle extends VerticleBase {
  private final int port;
  private final int standInPort;
  private final String basic;

  PassThroughVerticle(int port, int standInPort, String email, String token) {
    this.port = port;
    this.standInPort = standInPort;
    this.basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Future<?> start() {
    WebClient client = WebClient.create(vertx);
    return vertx
        .createHttpServer()
        .requestHandler(
            request ->
                request
                    .body()
                    .compose(body -> forward(client, body.toJsonObject()))
                    .onSuccess(reply -> request.response().end(reply))
                    .onFailure(e -> request.response().setStatusCode(502).end()))
        .listen(port, "127.0.0.1");
  }

  private Future<Buffer> forward(WebClient client, JsonObject in) {
    JsonObject fields =
        new JsonObject()
            .put("project", new JsonObject().put("key", in.getString("projId")))
            .put("issuetype", new JsonObject().put("id", "10001"))
            .put("summary", in.getString("title"))
            .put("labels", new JsonArray().add("security").add("akto"))
            .put("description", adf(in.getString("description")));
    return client
        .post(standInPort, "127.0.0.1", "/jira/rest/api/3/issue")
        .putHeader("Authorization", basic)
        .putHeader("X-Sandbox-Host", "example-org.atlassian.net")
        .sendJsonObject(new JsonObject().put("fields", fields))
        .map(response -> response.body());
  }

  private static JsonObject adf(String text) {
    JsonObject node = new JsonObject().put("type", "text").put("text", text);
    JsonObject paragraph =
        new JsonObject().put("type", "paragraph").put("content", new JsonArray().add(node));
    return new JsonObject()
        .put("type", "doc")
        .put("version", 1)
        .put("content", new JsonArray().add(paragraph));
  }
}
