package com.apisec.gateway.api;

import com.apisec.gateway.core.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Signs tokens for tests, the way the platform does. */
public final class Tokens {
  private Tokens() {}

  public static String sign(Vertx vertx, String secret, JsonObject claims, int expiresInSeconds) {
    JWTAuth auth =
        JWTAuth.create(
            vertx,
            new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    return auth.generateToken(
        claims, new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds(expiresInSeconds));
  }

  /** A correctly signed token whose {@code exp} lies a minute in the past. */
  public static String expired(Vertx vertx, JsonObject claims) {
    long now = System.currentTimeMillis() / 1000;
    JWTAuth auth =
        JWTAuth.create(
            vertx,
            new JWTAuthOptions()
                .addPubSecKey(
                    new PubSecKeyOptions()
                        .setAlgorithm("HS256")
                        .setBuffer(TestConfigs.JWT_SECRET)));
    return auth.generateToken(
        claims.copy().put("iat", now - 120).put("exp", now - 60),
        new JWTOptions().setAlgorithm("HS256"));
  }

  public static String admin(Vertx vertx, long account) {
    return sign(
        vertx, TestConfigs.JWT_SECRET, claims(account, "ADMIN", "READ_WRITE", "READ_WRITE"), 600);
  }

  public static JsonObject claims(long account, String role, String integrations, String issues) {
    JsonObject permissions = new JsonObject();
    if (integrations != null) {
      permissions.put("INTEGRATIONS", integrations);
    }
    if (issues != null) {
      permissions.put("ISSUES", issues);
    }
    return new JsonObject()
        .put("accountId", account)
        .put("sub", "user@example.com")
        .put("role", role)
        .put("permissions", permissions);
  }

  /** An unsigned token ({@code alg: none}) carrying admin claims. */
  public static String unsigned(long account) {
    Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
    String header =
        enc.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String body =
        enc.encodeToString(
            claims(account, "ADMIN", "READ_WRITE", "READ_WRITE")
                .encode()
                .getBytes(StandardCharsets.UTF_8));
    return header + "." + body + ".";
  }
}
