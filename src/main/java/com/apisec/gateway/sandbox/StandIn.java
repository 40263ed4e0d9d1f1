package com.apisec.gateway.sandbox;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;

/**
 * A vendor stand-in: it answers under {@code /<vendor>} the way the vendor does. Before a call
 * reaches the routes a stand-in mounted, the sandbox has recorded it, run the contract checks and
 * applied any failure switch set through {@code /_control}.
 *
 * <p>Every method runs on the sandbox's event loop, so a stand-in keeps its state in plain fields.
 * To add a vendor, implement this interface and list it in {@link
 * SandboxVerticle#defaultStandIns()}.
 */
public interface StandIn {

  /** The path segment, and the name used by {@code /_control} and {@code sandbox.routes}. */
  String vendor();

  /** Adds the vendor's routes to a router mounted at {@code /<vendor>}. */
  void mount(Router router);

  /** The body this vendor sends with an error status, for failure switches and violations. */
  ErrorBody errorBody(int status, List<String> messages);

  /**
   * Applies the vendor's own settings from a {@code /_control} body; keys it does not know are
   * ignored. Throws {@link IllegalArgumentException} naming the key, before changing anything, when
   * a value is bad.
   */
  default void control(JsonObject settings) {}

  /** Forgets everything the stand-in learnt since it started: issues, uploads, settings. */
  void reset();

  /** A body written on the vendor's behalf. */
  record ErrorBody(String contentType, String text) {}
}
