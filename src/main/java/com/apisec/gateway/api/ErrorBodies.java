package com.apisec.gateway.api;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes every error body the API defines: {@code {"actionErrors": [...]}}, never a stack. */
final class ErrorBodies {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorBodies.class);

  private ErrorBodies() {}

  static void send(HttpServerResponse response, int status, String message) {
    if (status == 401) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    write(response, status, new JsonObject().put("actionErrors", new JsonArray().add(message)));
  }

  /** A bug: the body carries only a reference, which the log line carries too. */
  static void internal(HttpServerResponse response, String reference, Throwable cause) {
    String ref = reference == null ? UUID.randomUUID().toString() : reference;
    if (cause != null) {
      LOG.error("internal error [reference: {}]", ref, cause);
    }
    JsonObject body =
        new JsonObject()
            .put("actionErrors", new JsonArray().add("Internal error"))
            .put("reference", ref);
    write(response, 500, body);
  }

  private static void write(HttpServerResponse response, int status, JsonObject body) {
    if (response.ended() || response.headWritten()) {
      return;
    }
    response.setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
