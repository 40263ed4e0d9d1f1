package com.apisec.gateway.outbound;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A vendor's answer, whatever its status; the vendor's client decides what it means. */
public record OutboundResponse(int status, MultiMap headers, Buffer body) {
  public OutboundResponse {
    body = body == null ? Buffer.buffer() : body;
  }

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** The body as a JSON object, or null when it is not one (an HTML error page, say). */
  public JsonObject jsonObject() {
    Object value = decode();
    return value instanceof JsonObject json ? json : null;
  }

  /** The body as a JSON array, or null when it is not one. */
  public JsonArray jsonArray() {
    Object value = decode();
    return value instanceof JsonArray json ? json : null;
  }

  private Object decode() {
    if (body.length() == 0) {
      return null;
    }
    try {
      return Json.decodeValue(body);
    } catch (DecodeException e) {
      return null;
    }
  }
}
