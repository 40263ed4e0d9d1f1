package com.apisec.gateway.sandbox.jira;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the credentials on every REST call. Jira Cloud takes {@code Basic base64(email:token)};
 * Data Center takes {@code Bearer <personal access token>}, so the accepted schemes are a
 * parameter. The token {@code invalid-token} is refused, to stand for a revoked one. Credentials
 * are never kept; only the email is, for {@code /myself}.
 */
final class JiraAuth implements Handler<RoutingContext> {
  static final String REVOKED_TOKEN = "invalid-token";
  static final String USER_KEY = "jira.user";
  static final String UNAUTHENTICATED = "Client must be authenticated to access this resource.";

  /** How a caller may prove who it is. */
  enum Scheme {
    BASIC,
    BEARER
  }

  private final Set<Scheme> schemes;

  JiraAuth(Set<Scheme> schemes) {
    this.schemes = EnumSet.copyOf(schemes);
  }

  @Override
  public void handle(RoutingContext ctx) {
    Optional<String> user = user(ctx.request().getHeader("Authorization"));
    if (user.isEmpty()) {
      ctx.response()
          .setStatusCode(401)
          .putHeader("Content-Type", "text/plain;charset=UTF-8")
          .putHeader("WWW-Authenticate", challenge() + " realm=\"" + JiraReplies.base(ctx) + "\"")
          .end(UNAUTHENTICATED);
      return;
    }
    ctx.put(USER_KEY, user.get());
    ctx.next();
  }

  private String challenge() {
    return schemes.contains(Scheme.BASIC) ? "Basic" : "Bearer";
  }

  /** The caller's email (or a fixed name for a token), when the header holds usable credentials. */
  Optional<String> user(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String value = header.trim();
    if (schemes.contains(Scheme.BASIC) && startsWith(value, "Basic ")) {
      return basicUser(value.substring(6).trim());
    }
    if (schemes.contains(Scheme.BEARER) && startsWith(value, "Bearer ")) {
      String token = value.substring(7).trim();
      return token.isEmpty() || revoked(token) ? Optional.empty() : Optional.of("pat-user");
    }
    return Optional.empty();
  }

  private static Optional<String> basicUser(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0 || colon == decoded.length() - 1) {
      return Optional.empty();
    }
    String token = decoded.substring(colon + 1);
    return revoked(token) ? Optional.empty() : Optional.of(decoded.substring(0, colon));
  }

  private static boolean revoked(String token) {
    return MessageDigest.isEqual(
        token.getBytes(StandardCharsets.UTF_8), REVOKED_TOKEN.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean startsWith(String value, String prefix) {
    return value.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
