package com.apisec.gateway.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which keys a reload may change: the log level, outbound limits and allow-list, JWT keys, the body
 * size limit and time limit, the idle connection limit, CORS origins and the scheduler's limits.
 * Every other key keeps its running value until a restart.
 */
final class Reloadable {
  private Reloadable() {}

  static GatewayConfig apply(GatewayConfig current, GatewayConfig next) {
    GatewayConfig.Http http =
        new GatewayConfig.Http(
            current.http().host(),
            current.http().port(),
            next.http().bodyLimitBytes(),
            next.http().bodyTimeoutMs(),
            next.http().idleTimeoutMs(),
            next.http().corsOrigins(),
            next.http().metricsRequireToken());
    GatewayConfig.Security security =
        new GatewayConfig.Security(
            current.security().secretKey(),
            next.security().jwtSecrets(),
            next.security().jwtPublicKeyFiles());
    return new GatewayConfig(
        current.mode(),
        current.dataDir(),
        next.logLevel(),
        next.reloadScanMs(),
        http,
        current.store(),
        security,
        next.outbound(),
        current.sandbox(),
        current.cluster(),
        current.node(),
        next.scheduler());
  }

  /** The keys whose change was ignored, if any. */
  static Optional<String> restartNeeded(GatewayConfig current, GatewayConfig next) {
    List<String> keys = new ArrayList<>();
    check(keys, "mode", current.mode(), next.mode());
    check(keys, "dataDir", current.dataDir(), next.dataDir());
    check(keys, "http.host", current.http().host(), next.http().host());
    check(keys, "http.port", current.http().port(), next.http().port());
    check(keys, "store", current.store(), next.store());
    check(keys, "security.secretKey", current.security().secretKey(), next.security().secretKey());
    check(keys, "sandbox", current.sandbox(), next.sandbox());
    check(keys, "cluster", current.cluster(), next.cluster());
    check(keys, "node", current.node(), next.node());
    return keys.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", keys));
  }

  private static void check(List<String> keys, String key, Object a, Object b) {
    if (!a.equals(b)) {
      keys.add(key);
    }
  }
}
