package com.apisec.gateway.outbound;

import com.apisec.gateway.outbound.OutboundException.Kind;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A parsed, normalised vendor URL: http or https, a host, a port from 1 to 65535, no user info, no
 * double slashes in the path. An IPv6 literal is held without its brackets in {@link #host} (the
 * form an address lookup takes) and written with them in URLs and the Host header. Base URLs from
 * users are joined with paths through {@link #join}.
 */
public record VendorUrl(String scheme, String host, int port, String pathAndQuery) {
  private static final Pattern SLASHES = Pattern.compile("/{2,}");
  private static final int MAX_PORT = 65_535;

  /**
   * URLs parsed lately: the same few (a site's create, search and attachment URLs) come again on
   * every call. Only URLs that parse are kept; a refused one is parsed, and refused, every time.
   */
  private static final Cache<String, VendorUrl> PARSED =
      Caffeine.newBuilder().maximumSize(1_000).build();

  public boolean https() {
    return scheme.equals("https");
  }

  /** Whether the host is an IPv6 address rather than a name or an IPv4 address. */
  public boolean ipv6Literal() {
    return host.indexOf(':') >= 0;
  }

  /** The host as a URL or a Host header writes it: an IPv6 address in brackets. */
  public String hostHeader() {
    return ipv6Literal() ? "[" + host + "]" : host;
  }

  public String origin() {
    boolean defaultPort = (https() && port == 443) || (!https() && port == 80);
    return scheme + "://" + hostHeader() + (defaultPort ? "" : ":" + port);
  }

  public String toUrl() {
    return origin() + pathAndQuery;
  }

  public static VendorUrl parse(String url) {
    return url == null ? parseNew(null) : PARSED.get(url, VendorUrl::parseNew);
  }

  private static VendorUrl parseNew(String url) {
    URI uri;
    try {
      uri = new URI(url == null ? "" : url.trim());
    } catch (URISyntaxException e) {
      throw new OutboundException(Kind.REFUSED, "not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new OutboundException(Kind.REFUSED, "URL must start with http:// or https://");
    }
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    if (authority.contains("@")) {
      throw new OutboundException(Kind.REFUSED, "URL must not carry user info");
    }
    if (!validPort(uri, authority)) {
      throw new OutboundException(
          Kind.REFUSED, "URL has an invalid port; a port is a number from 1 to 65535");
    }
    if (uri.getHost() == null) {
      throw new OutboundException(
          Kind.REFUSED,
          "URL must name a host: a domain name, an IPv4 address, or an IPv6 address in brackets");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String path = collapseSlashes(uri.getRawPath() == null ? "" : uri.getRawPath());
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return new VendorUrl(scheme, host, port, (path.isEmpty() ? "/" : path) + query);
  }

  /**
   * Whether the port, if the URL names one, is 1 to 65535. {@link URI} takes any number of digits
   * when it finds a host (and gives 0 as a port); with a port it cannot read it finds no host at
   * all, so the authority's text after the host is read here too.
   */
  private static boolean validPort(URI uri, String authority) {
    if (uri.getHost() != null) {
      return uri.getPort() == -1 || (uri.getPort() >= 1 && uri.getPort() <= MAX_PORT);
    }
    int colon = authority.lastIndexOf(':');
    if (colon < 0 || colon < authority.lastIndexOf(']')) {
      return true;
    }
    String digits = authority.substring(colon + 1);
    if (digits.isEmpty()) {
      return true;
    }
    if (digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int port = Integer.parseInt(digits);
    return port >= 1 && port <= MAX_PORT;
  }

  /** A refusal of {@link #parse} worded for a request field: "baseUrl has an invalid port; ...". */
  public static String refusal(String field, OutboundException refused) {
    String reason = refused.getMessage();
    return reason.startsWith("URL ")
        ? field + reason.substring(3)
        : field + " is not usable: " + reason;
  }

  /** Joins a user's base URL (with or without a trailing slash or a path) and an API path. */
  public static String join(String baseUrl, String path) {
    String base = baseUrl == null ? "" : baseUrl.trim();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + (path.startsWith("/") ? path : "/" + path);
  }

  /** A base URL in canonical form: scheme, lowercase host, port only if not the default. */
  public static String normaliseBase(String baseUrl) {
    VendorUrl url = parse(baseUrl);
    String path = url.pathAndQuery().replaceAll("[?#].*$", "");
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return url.origin() + path;
  }

  private static String collapseSlashes(String path) {
    return path.contains("//") ? SLASHES.matcher(path).replaceAll("/") : path;
  }
}
