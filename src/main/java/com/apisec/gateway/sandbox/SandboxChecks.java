package com.apisec.gateway.sandbox;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks installed on one Vert.x instance, which every sandbox deployed on it applies besides its
 * own. Tests install the vendors' published contracts here before starting a whole node, so that
 * the sandbox the launcher deploys holds each call to them; nothing installs any in production.
 */
public final class SandboxChecks {
  private static final String MAP = "gateway.sandbox.checks";
  private static final String KEY = "checks";

  private record Installed(List<RequestCheck> checks) implements Shareable {}

  private SandboxChecks() {}

  /** Sandboxes deployed on {@code vertx} from now on apply {@code checks} too. */
  public static void install(Vertx vertx, List<RequestCheck> checks) {
    map(vertx).put(KEY, new Installed(List.copyOf(checks)));
  }

  /** {@code own} followed by the checks installed on {@code vertx}. */
  static List<RequestCheck> withInstalled(Vertx vertx, List<RequestCheck> own) {
    Installed installed = map(vertx).get(KEY);
    List<RequestCheck> all = new ArrayList<>(own);
    if (installed != null) {
      installed.checks().stream().filter(c -> !all.contains(c)).forEach(all::add);
    }
    return List.copyOf(all);
  }

  private static LocalMap<String, Installed> map(Vertx vertx) {
    return vertx.sharedData().getLocalMap(MAP);
  }
}
