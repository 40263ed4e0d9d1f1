package com.apisec.gateway.sandbox;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * One part of a {@code multipart/form-data} call, as the sandbox read it: the content itself is
 * counted, not kept. A plain form field has no file name.
 */
public record FormPart(String name, String filename, String contentType, long size) {
  static final String CONTEXT_KEY = "sandbox.form-parts";

  /** The parts of the call being handled; empty when it was not multipart. */
  public static List<FormPart> of(RoutingContext ctx) {
    List<FormPart> parts = ctx.get(CONTEXT_KEY);
    return parts == null ? List.of() : parts;
  }

  public boolean isFile() {
    return filename != null;
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("name", name)
        .put("filename", filename)
        .put("contentType", contentType)
        .put("size", size);
  }
}
