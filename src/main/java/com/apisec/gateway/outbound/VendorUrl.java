package com.apisec.gateway.outbound;

import com.apisec.gateway.outbound.OutboundException.Kind;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A parsed, normalised vendor URL: http or https, a host, no user info, no double slashes in the
 * path. Base URLs from users are joined with paths through {@link #join}.
 */
public record VendorUrl(String scheme, String host, int port, String pathAndQuery) {
  private static final Pattern SLASHES = Pattern.compile("/{2,}");

  /**
   * URLs parsed lately: the same few (a site's create, search and attachment URLs) come again on
   * every call. Only URLs that parse are kept; a refused one is parsed, and refused, every time.
   */
  private static final Cache<String, VendorUrl> PARSED =
      Caffeine.newBuilder().maximumSize(1_000).build();

  public boolean https() {
    return scheme.equals("https");
  }

  public String origin() {
    boolean defaultPort = (https() && port == 443) || (!https() && port == 80);
    return scheme + "://" + host + (defaultPort ? "" : ":" + port);
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
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new OutboundException(Kind.REFUSED, "URL must name a host and no user info");
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
