package com.apisec.gateway.core;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints a token signed with the key the gateway uses (same config, environment and data dir). */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Print a signed JWT.")
final class TokenCommand implements Callable<Integer> {
  static final Map<String, String> ROLES =
      Map.of(
          "ADMIN", "INTEGRATIONS=READ_WRITE,ISSUES=READ_WRITE",
          "DEVELOPER", "INTEGRATIONS=READ_WRITE,ISSUES=READ",
          "MEMBER", "INTEGRATIONS=READ,ISSUES=READ_WRITE",
          "GUEST", "INTEGRATIONS=READ,ISSUES=READ");

  @Spec CommandSpec spec;

  @Option(names = "--config", defaultValue = "conf/config.yaml")
  Path config;

  @Option(names = "--account", required = true, description = "Account id (tenant).")
  long account;

  @Option(
      names = "--role",
      defaultValue = "ADMIN",
      description = "ADMIN, DEVELOPER, MEMBER, GUEST.")
  String role;

  @Option(names = "--permissions", description = "e.g. INTEGRATIONS=READ,ISSUES=READ_WRITE")
  String permissions;

  @Option(names = "--user", defaultValue = "admin@example.com")
  String user;

  @Option(names = "--ttl-minutes", defaultValue = "1440")
  long ttlMinutes;

  @Override
  public Integer call() {
    String upperRole = role.toUpperCase(Locale.ROOT);
    String perms = permissions != null ? permissions : ROLES.get(upperRole);
    if (perms == null) {
      throw new ConfigException(
          "--role must be one of " + ROLES.keySet() + " or give --permissions");
    }
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject raw = ConfigLoader.load(vertx, config, System.getenv()).await();
      Keys keys = Keys.load(GatewayConfig.from(raw), true);
      PrintWriter out = spec.commandLine().getOut();
      out.println(sign(vertx, keys.jwtSecrets().get(0), upperRole, parse(perms)));
      out.flush();
      return 0;
    } finally {
      vertx.close();
    }
  }

  private String sign(Vertx vertx, String secret, String roleName, JsonObject perms) {
    JWTAuth auth =
        JWTAuth.create(
            vertx,
            new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    JsonObject claims =
        new JsonObject()
            .put("accountId", account)
            .put("sub", user)
            .put("role", roleName)
            .put("permissions", perms);
    return auth.generateToken(
        claims, new JWTOptions().setAlgorithm("HS256").setExpiresInMinutes((int) ttlMinutes));
  }

  static JsonObject parse(String spec) {
    JsonObject out = new JsonObject();
    for (String pair : spec.split(",")) {
      String[] parts = pair.trim().split("=");
      if (parts.length != 2) {
        throw new ConfigException(
            "--permissions entries must be FEATURE=LEVEL, got '" + pair + "'");
      }
      out.put(parts[0].trim().toUpperCase(Locale.ROOT), parts[1].trim().toUpperCase(Locale.ROOT));
    }
    return out;
  }
}
