package com.apisec.gateway.api;

import com.apisec.gateway.api.Operation.Access;
import com.apisec.gateway.api.Operation.Feature;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Verifies bearer tokens against every configured key (a list, so keys rotate without downtime) and
 * reads the platform's claims. Any failure is the same {@link Unauthorized}, with no detail.
 *
 * <p>The dashboard sends the same token with every request, so a verified token's caller is kept
 * for a minute: a repeat costs a lookup instead of a signature check. A kept token is still refused
 * from its {@code exp} on, and a verifier is built anew when the keys change, so a removed key
 * leaves nothing behind.
 */
public final class TokenVerifier {
  static final int KEPT_TOKENS = 10_000;
  static final Duration KEPT_FOR = Duration.ofMinutes(1);

  private final JWTAuth auth;
  private final java.util.Set<String> algorithms;
  private final Cache<String, Verified> verified;
  private final LongSupplier clockMillis;

  /** A verified token's caller, and the second from which the token has expired. */
  private record Verified(Caller caller, long expiresAtSecond) {
    boolean expired(long nowMillis) {
      return nowMillis / 1000 >= expiresAtSecond;
    }
  }

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
    this(vertx, hs256Secrets, rs256PublicKeys, System::currentTimeMillis);
  }

  TokenVerifier(
      Vertx vertx,
      List<String> hs256Secrets,
      List<String> rs256PublicKeys,
      LongSupplier clockMillis) {
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
    this.clockMillis = clockMillis;
    this.verified =
        Caffeine.newBuilder().maximumSize(KEPT_TOKENS).expireAfterWrite(KEPT_FOR).build();
  }

  public Future<Caller> verify(String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture(new Unauthorized());
    }
    Verified kept = verified.getIfPresent(token);
    if (kept != null) {
      if (kept.expired(clockMillis.getAsLong())) {
        verified.invalidate(token);
        return Future.failedFuture(new Unauthorized());
      }
      return Future.succeededFuture(kept.caller());
    }
    if (!signedWithKnownAlgorithm(token)) {
      return Future.failedFuture(new Unauthorized());
    }
    return auth.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(new Unauthorized()))
        .compose(user -> remember(token, user.principal(), user.attributes().getValue("exp")));
  }

  /** {@code exp} is among the user's attributes, not the principal's claims. */
  private Future<Caller> remember(String token, JsonObject claims, Object exp) {
    long expiresAt = exp instanceof Number n ? n.longValue() : Long.MAX_VALUE;
    return caller(claims).onSuccess(c -> verified.put(token, new Verified(c, expiresAt)));
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
