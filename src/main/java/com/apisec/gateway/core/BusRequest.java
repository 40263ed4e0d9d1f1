package com.apisec.gateway.core;

import io.vertx.core.json.JsonObject;

/**
 * The envelope of every request sent on the event bus: the tenant, the caller and the operation's
 * JSON body. Sibling services build the same envelope.
 */
public record BusRequest(long accountId, String user, JsonObject body) {
  public BusRequest {
    body = body == null ? new JsonObject() : body;
    user = user == null ? "" : user;
  }

  public JsonObject toJson() {
    return new JsonObject().put("accountId", accountId).put("user", user).put("body", body);
  }

  /** Reads an envelope; a missing or non-numeric account is refused, naming the field. */
  public static BusRequest fromJson(Object raw) {
    if (!(raw instanceof JsonObject json)) {
      throw GatewayException.invalid("request must be a JSON object");
    }
    Object account = json.getValue("accountId");
    if (!(account instanceof Number number) || number.longValue() <= 0) {
      throw GatewayException.invalid("accountId must be a positive integer");
    }
    Object body = json.getValue("body");
    if (body != null && !(body instanceof JsonObject)) {
      throw GatewayException.invalid("body must be a JSON object");
    }
    Object user = json.getValue("user");
    return new BusRequest(number.longValue(), user instanceof String s ? s : "", (JsonObject) body);
  }
}
