package com.apisec.gateway.sandbox;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Masks credentials before a call is recorded, so the sandbox never keeps or shows a secret. */
final class Redaction {
  static final String MASK = "[REDACTED]";

  private static final Pattern AUTH_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");
  private static final Pattern SECRET_HEADER =
      Pattern.compile("cookie|secret|password|api-?key|app(lication)?-?key|session|(^|-)token$");
  // A fixed anti-XSRF marker ("no-check"), not a credential; tests need to see it.
  private static final Set<String> VISIBLE_HEADERS = Set.of("x-atlassian-token");
  private static final Set<String> SECRET_PARAMS =
      Set.of(
          "token",
          "access_token",
          "refresh_token",
          "api_key",
          "apikey",
          "secret",
          "client_secret",
          "password",
          "sig",
          "signature",
          "code");

  private Redaction() {}

  /** The value to record for a header: the scheme of an Authorization header, nothing more. */
  static String header(String name, String value) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
      return scheme(value);
    }
    if (!VISIBLE_HEADERS.contains(lower) && SECRET_HEADER.matcher(lower).find()) {
      return MASK;
    }
    return value;
  }

  /** The raw query string with the values of credential-like parameters masked. */
  static String query(String query) {
    if (query == null || query.isEmpty()) {
      return query;
    }
    StringBuilder out = new StringBuilder();
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      out.append(out.length() == 0 ? "" : "&");
      out.append(eq >= 0 && secretParam(name) ? name + "=" + MASK : pair);
    }
    return out.toString();
  }

  /** Whether a query or form field of this name carries a credential. */
  static boolean secretParam(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return SECRET_PARAMS.contains(lower) || lower.contains("secret") || lower.contains("password");
  }

  private static String scheme(String value) {
    String trimmed = value.trim();
    int space = trimmed.indexOf(' ');
    if (space > 0 && AUTH_SCHEME.matcher(trimmed.substring(0, space)).matches()) {
      return trimmed.substring(0, space) + " " + MASK;
    }
    return MASK;
  }
}
