package com.apisec.gateway.core;

import com.apisec.gateway.api.Operation.Access;
import com.apisec.gateway.api.Operation.Feature;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
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

  /** The role a token with {@code --permissions} and no {@code --role} claims. */
  static final String CUSTOM_ROLE = "CUSTOM";

  @Option(
      names = "--role",
      description =
          "ADMIN (the default), DEVELOPER, MEMBER, GUEST; with --permissions and no --role, the"
              + " token claims the role "
              + CUSTOM_ROLE
              + ".")
  String role;

  @Option(
      names = "--permissions",
      description =
          "FEATURE=LEVEL,... with features INTEGRATIONS, ISSUES and levels NO_ACCESS, READ,"
              + " READ_WRITE, e.g. INTEGRATIONS=READ,ISSUES=READ_WRITE")
  String permissions;

  @Option(names = "--user", defaultValue = "admin@example.com")
  String user;

  /** A year: every token printed here expires. */
  private static final long MAX_TTL_MINUTES = 525_600;

  @Option(
      names = "--ttl-minutes",
      defaultValue = "1440",
      description = "Minutes until the token expires, 1 to 525600.")
  long ttlMinutes;

  @Override
  public Integer call() {
    if (account <= 0) {
      throw new ConfigException("--account must be a positive account id, got " + account);
    }
    if (ttlMinutes < 1 || ttlMinutes > MAX_TTL_MINUTES) {
      throw new ConfigException(
          "--ttl-minutes must be from 1 to " + MAX_TTL_MINUTES + ", got " + ttlMinutes);
    }
    String upperRole =
        role != null ? role.toUpperCase(Locale.ROOT) : permissions != null ? CUSTOM_ROLE : "ADMIN";
    String perms = permissions != null ? permissions : ROLES.get(upperRole);
    if (perms == null) {
      throw new ConfigException(
          "--role must be one of " + ROLES.keySet() + " or give --permissions");
    }
    JsonObject claimed = parse(perms);
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject raw = ConfigLoader.load(vertx, config, System.getenv()).await();
      Keys keys = Keys.load(GatewayConfig.from(raw), true);
      PrintWriter out = spec.commandLine().getOut();
      out.println(sign(vertx, keys.jwtSecrets().get(0), upperRole, claimed));
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

  /**
   * Reads {@code FEATURE=LEVEL,...} into the token's {@code permissions} claim. Only the features
   * and levels the gateway checks are taken: anything else would sign a token whose permission is
   * silently read as no access.
   */
  static JsonObject parse(String spec) {
    JsonObject out = new JsonObject();
    for (String pair : spec.split(",")) {
      String[] parts = pair.trim().split("=");
      if (parts.length != 2) {
        throw new ConfigException(
            "--permissions entries must be FEATURE=LEVEL, got '" + pair + "'");
      }
      Feature feature = known(Feature.class, "feature", parts[0]);
      Access access = known(Access.class, "level", parts[1]);
      if (out.containsKey(feature.name())) {
        throw new ConfigException("--permissions names " + feature + " twice");
      }
      out.put(feature.name(), access.name());
    }
    return out;
  }

  private static <E extends Enum<E>> E known(Class<E> type, String what, String raw) {
    String name = raw.trim().toUpperCase(Locale.ROOT);
    for (E value : type.getEnumConstants()) {
      if (value.name().equals(name)) {
        return value;
      }
    }
    throw new ConfigException(
        "--permissions: unknown "
            + what
            + " '"
            + raw.trim()
            + "', expected one of "
            + Arrays.toString(type.getEnumConstants()));
  }
}
