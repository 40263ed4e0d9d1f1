package com.apisec.gateway.core;

import io.vertx.core.json.JsonObject;

/**
 * What {@code GET /health} reports: whether the node is ready, and one entry per component, each
 * holding at least {@code status} ({@code UP} or {@code DOWN}).
 */
public record Health(boolean ready, JsonObject checks) {
  public static final String UP = "UP";
  public static final String DOWN = "DOWN";

  public Health {
    checks = checks.copy();
  }

  @Override
  public JsonObject checks() {
    return checks.copy();
  }

  /** Ready exactly when every check is up. */
  public static Health of(JsonObject checks) {
    boolean ready = !checks.isEmpty();
    for (String name : checks.fieldNames()) {
      ready &= UP.equals(checks.getJsonObject(name).getString("status"));
    }
    return new Health(ready, checks);
  }

  /** A single flag as a health report, for nodes that track readiness as one value. */
  public static Health flag(boolean ready) {
    return of(new JsonObject().put("node", status(ready)));
  }

  public static JsonObject status(boolean up) {
    return new JsonObject().put("status", up ? UP : DOWN);
  }
}
