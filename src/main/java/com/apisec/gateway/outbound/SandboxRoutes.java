package com.apisec.gateway.outbound;

import com.apisec.gateway.core.GatewayConfig;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * In development mode, calls to the vendor hosts listed under {@code sandbox.routes} go to the
 * matching stand-in ({@code http://sandbox/<vendor>/<path>}), with the intended host in a header.
 */
final class SandboxRoutes {
  private final boolean enabled;
  private final String host;
  private final int port;
  private final Map<String, String> routes;

  private SandboxRoutes(boolean enabled, String host, int port, Map<String, String> routes) {
    this.enabled = enabled;
    this.host = host;
    this.port = port;
    this.routes = routes;
  }

  static SandboxRoutes from(GatewayConfig config) {
    GatewayConfig.Sandbox sandbox = config.sandbox();
    boolean on = config.development() && sandbox.enabled();
    return new SandboxRoutes(on, sandbox.host(), sandbox.port(), lowerKeys(sandbox.routes()));
  }

  Set<String> allowedDestinations() {
    return enabled ? Set.of(host + ":" + port) : Set.of();
  }

  /** Where a call to {@code url} goes: the stand-in for a routed host, else the URL itself. */
  VendorUrl route(VendorUrl url) {
    String vendor = enabled ? routes.get(url.host()) : null;
    if (vendor == null) {
      return url;
    }
    return new VendorUrl("http", host, port, "/" + vendor + url.pathAndQuery());
  }

  private static Map<String, String> lowerKeys(Map<String, String> in) {
    var out = new java.util.HashMap<String, String>();
    in.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return Map.copyOf(out);
  }
}
