package com.apisec.gateway.api;

import com.apisec.gateway.api.Operation.Access;
import com.apisec.gateway.api.Operation.Feature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Verifies bearer tokens against every configured key (a list, so keys rotate without downtime) and
 * reads the platform's claims. Any failure is the same {@link Unauthorized}, with no detail.
 */
public final class TokenVerifier {
  private final JWTAuth auth;
  private final java.util.Set<String> algorithms;

  /** Thrown for a missing, malformed, expired or badly signed token. */
  public static final class Unauthorized extends RuntimeException {
    Unauthorized() {
      super("Unauthorized", null, false, false);
    }
  }

  public TokenVerifier(Vertx vertx, List<String> hs256Secrets) {
    this(vertx, hs256Secrets, List.of());
  }

  /** Verifies HS256 tokens with any of the secrets and RS256 tokens with any of the PEM keys. */
  public TokenVerifier(Vertx vertx, List<String> hs256Secrets, List<String> rs256PublicKeys) {
    if (hs256Secrets.isEmpty() && rs256PublicKeys.isEmpty()) {
      throw new IllegalArgumentException("at least one JWT key is needed");
    }
    JWTAuthOptions options = new JWTAuthOptions();
    for (String secret : hs256Secrets) {
      options.addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret));
    }
    for (String pem : rs256PublicKeys) {
      options.addPubSecKey(new PubSecKeyOptions().setAlgorithm("RS256").setBuffer(pem));
    }
    this.algorithms = new java.util.HashSet<>();
    if (!hs256Secrets.isEmpty()) {
      algorithms.add("HS256");
    }
    if (!rs256PublicKeys.isEmpty()) {
      algorithms.add("RS256");
    }
    this.auth = JWTAuth.create(vertx, options);
  }

  public Future<Caller> verify(String token) {
    if (token == null || token.isBlank() || !signedWithKnownAlgorithm(token)) {
      return Future.failedFuture(new Unauthorized());
    }
    return auth.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(new Unauthorized()))
        .compose(user -> caller(user.principal()));
  }

  private boolean signedWithKnownAlgorithm(String token) {
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    try {
      byte[] header = Base64.getUrlDecoder().decode(token.substring(0, dot));
      JsonObject json = new JsonObject(new String(header, StandardCharsets.UTF_8));
      return algorithms.contains(json.getString("alg"));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Future<Caller> caller(JsonObject claims) {
    Long account = accountId(claims.getValue("accountId"));
    if (account == null) {
      return Future.failedFuture(new Unauthorized());
    }
    String subject = claims.getValue("sub") instanceof String s ? s : "";
    String role = claims.getValue("role") instanceof String r ? r : "";
    return Future.succeededFuture(
        new Caller(account, subject, role, permissions(claims.getValue("permissions"))));
  }

  private static Long accountId(Object value) {
    if (value instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() > 0) {
      return n.longValue();
    }
    if (value instanceof String s && s.matches("[1-9][0-9]{0,17}")) {
      return Long.parseLong(s);
    }
    return null;
  }

  private static Map<Feature, Access> permissions(Object value) {
    Map<Feature, Access> out = new EnumMap<>(Feature.class);
    if (!(value instanceof JsonObject json)) {
      return out;
    }
    for (Feature feature : Feature.values()) {
      Object level = json.getValue(feature.name());
      if (level instanceof String s) {
        try {
          out.put(feature, Access.valueOf(s.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException ignored) {
          out.put(feature, Access.NO_ACCESS);
        }
      }
    }
    return out;
  }
}
