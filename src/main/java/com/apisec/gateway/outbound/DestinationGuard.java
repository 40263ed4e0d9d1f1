package com.apisec.gateway.outbound;

import com.apisec.gateway.outbound.OutboundException.Kind;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Resolves a vendor host itself and refuses loopback, link-local (cloud metadata included),
 * private, shared and reserved addresses, unless the host:port is allowed in config. The caller
 * connects to the address returned, so a second lookup cannot point the request elsewhere.
 *
 * <p>A host's addresses are kept for {@link #LOOKUP_TTL}, as long as the JVM keeps a successful
 * lookup by default, so a busy vendor costs no trip to a worker thread per call. Every call still
 * checks the kept addresses; a failed lookup is not kept. A failure is the lookup's value rather
 * than a failed load: the cache library logs every failed load with its stack trace, and a host
 * that does not resolve is an answer for the caller, not an event for the log.
 */
public final class DestinationGuard {
  static final Duration LOOKUP_TTL = Duration.ofSeconds(30);

  /** A host name lookup that may block, as {@link InetAddress#getAllByName} does. */
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final Vertx vertx;
  private final Set<String> allowed;
  private final Resolver resolver;

  /** What one lookup found: the addresses, or why there are none. */
  private record Lookup(InetAddress[] addresses, Throwable failure) {}

  private final AsyncCache<String, Lookup> lookups =
      Caffeine.newBuilder()
          .expireAfterWrite(LOOKUP_TTL)
          .maximumSize(10_000)
          .executor(Runnable::run)
          .buildAsync();

  public DestinationGuard(Vertx vertx, Set<String> allowedHostPorts) {
    this(vertx, allowedHostPorts, InetAddress::getAllByName);
  }

  DestinationGuard(Vertx vertx, Set<String> allowedHostPorts, Resolver resolver) {
    this.vertx = vertx;
    this.allowed = Set.copyOf(allowedHostPorts.stream().map(DestinationGuard::lower).toList());
    this.resolver = resolver;
  }

  /** The address to connect to, or a failure that names the host but no credential. */
  public Future<InetAddress> check(String host, int port) {
    boolean allowedPair = allowed.contains(lower(host) + ":" + port);
    return lookUp(host)
        .recover(
            e ->
                Future.failedFuture(
                    e instanceof UnknownHostException
                        ? new OutboundException(Kind.REFUSED, "host " + host + " does not resolve")
                        : e))
        .compose(addresses -> choose(host, addresses, allowedPair));
  }

  private Future<InetAddress[]> lookUp(String host) {
    String key = lower(host);
    CompletableFuture<Lookup> lookup = lookups.get(key, (name, executor) -> resolve(host));
    Future<Lookup> found;
    if (lookup.isDone()) {
      found = Future.succeededFuture(lookup.getNow(null));
    } else {
      Context context = Vertx.currentContext();
      found =
          context == null
              ? Future.fromCompletionStage(lookup)
              : Future.fromCompletionStage(lookup, context);
    }
    return found.compose(
        result -> {
          if (result.failure() == null) {
            return Future.succeededFuture(result.addresses());
          }
          // Not kept: the next check asks again.
          lookups.asMap().remove(key, lookup);
          return Future.failedFuture(result.failure());
        });
  }

  /** Resolves on a worker thread; the future it returns always succeeds. */
  private CompletableFuture<Lookup> resolve(String host) {
    return vertx
        .executeBlocking(() -> resolver.resolve(host), false)
        .map(addresses -> new Lookup(addresses, null))
        .otherwise(e -> new Lookup(null, e))
        .toCompletionStage()
        .toCompletableFuture();
  }

  private static Future<InetAddress> choose(
      String host, InetAddress[] addresses, boolean allowedPair) {
    if (addresses.length == 0) {
      return Future.failedFuture(
          new OutboundException(Kind.REFUSED, "host " + host + " does not resolve"));
    }
    if (allowedPair) {
      return Future.succeededFuture(addresses[0]);
    }
    for (InetAddress address : addresses) {
      if (isForbidden(address)) {
        return Future.failedFuture(
            new OutboundException(
                Kind.REFUSED,
                "destination "
                    + host
                    + " is not allowed: it resolves to a private or reserved"
                    + " address"));
      }
    }
    return Future.succeededFuture(addresses[0]);
  }

  /** True for every address a vendor call must never reach. */
  static boolean isForbidden(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isForbiddenV4(b);
    }
    if (address instanceof Inet6Address) {
      return isForbiddenV6(b);
    }
    return true;
  }

  private static boolean isForbiddenV4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    return first == 0
        || first == 10
        || first == 127
        || (first == 100 && second >= 64 && second <= 127)
        || (first == 169 && second == 254)
        || (first == 172 && second >= 16 && second <= 31)
        || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
        || (first == 192 && second == 168)
        || (first == 198 && (second == 18 || second == 19))
        || first >= 224;
  }

  private static boolean isForbiddenV6(byte[] b) {
    if ((b[0] & 0xfe) == 0xfc) {
      return true;
    }
    boolean mappedOrCompatible = true;
    for (int i = 0; i < 10; i++) {
      mappedOrCompatible &= b[i] == 0;
    }
    boolean mapped = mappedOrCompatible && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = mappedOrCompatible && b[10] == 0 && b[11] == 0;
    if (mapped || compatible) {
      return isForbiddenV4(new byte[] {b[12], b[13], b[14], b[15]});
    }
    boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff;
    boolean sixToFour = (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02;
    if (nat64) {
      return isForbiddenV4(new byte[] {b[12], b[13], b[14], b[15]});
    }
    return sixToFour && isForbiddenV4(new byte[] {b[2], b[3], b[4], b[5]});
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
