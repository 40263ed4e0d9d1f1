package com.apisec.gateway.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class DestinationGuardTest {

  @Test
  void isForbidden_privateLoopbackMetadataAndMappedForms_areRefused() throws Exception {
    List<String> forbidden =
        List.of(
            "127.0.0.1",
            "127.1.2.3",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "198.18.0.1",
            "::1",
            "::",
            "fe80::1",
            "fd00:ec2::254",
            "fc00::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::a00:1",
            "2002:a00:1::1");

    for (String address : forbidden) {
      assertTrue(DestinationGuard.isForbidden(InetAddress.getByName(address)), address);
    }
  }

  @Test
  void isForbidden_publicAddresses_areAllowed() throws Exception {
    List<String> allowed = List.of("93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111");

    for (String address : allowed) {
      assertFalse(DestinationGuard.isForbidden(InetAddress.getByName(address)), address);
    }
  }

  @Test
  void check_encodedLoopbackForms_areRefusedAfterResolution(Vertx vertx) {
    DestinationGuard guard = new DestinationGuard(vertx, Set.of());

    for (String host : List.of("localhost", "127.1", "2130706433", "[::ffff:7f00:1]")) {
      Throwable failure = guard.check(host.replaceAll("[\\[\\]]", ""), 443).cause();
      failure = failure == null ? waitFailure(guard, host.replaceAll("[\\[\\]]", "")) : failure;

      assertTrue(failure instanceof OutboundException, host);
      assertEquals(OutboundException.Kind.REFUSED, ((OutboundException) failure).kind());
    }
  }

  @Test
  void check_allowedHostPort_passesOnlyForThatPort(Vertx vertx) throws Exception {
    DestinationGuard guard = new DestinationGuard(vertx, Set.of("127.0.0.1:9999"));

    InetAddress ok = guard.check("127.0.0.1", 9999).await();
    Throwable otherPort = waitFailure(guard, "127.0.0.1", 9998);

    assertTrue(ok.isLoopbackAddress());
    assertTrue(otherPort instanceof OutboundException);
  }

  @Test
  void check_unresolvableHost_failsQuicklyNamingTheHost(Vertx vertx) {
    DestinationGuard guard = new DestinationGuard(vertx, Set.of());
    long started = System.nanoTime();

    Throwable failure = waitFailure(guard, "no-such-host.invalid");

    assertTrue(failure.getMessage().contains("no-such-host.invalid does not resolve"));
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5));
  }

  private static Throwable waitFailure(DestinationGuard guard, String host) {
    return waitFailure(guard, host, 443);
  }

  private static Throwable waitFailure(DestinationGuard guard, String host, int port) {
    try {
      guard.check(host, port).await();
      return null;
    } catch (Exception e) {
      return e;
    }
  }

  /** A busy host is looked up once, yet its kept addresses are checked on every call. */
  @Test
  void check_sameHostTwice_looksUpOnce_andStillRefusesAPrivateAnswer(Vertx vertx) throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    InetAddress vendor = InetAddress.getByName("93.184.216.34");
    InetAddress inside = InetAddress.getByName("10.0.0.7");
    DestinationGuard guard =
        new DestinationGuard(
            vertx,
            Set.of(),
            host -> {
              lookups.incrementAndGet();
              return new InetAddress[] {host.startsWith("vendor") ? vendor : inside};
            });

    assertEquals(vendor, guard.check("vendor.example", 443).await());
    assertEquals(vendor, guard.check("VENDOR.example", 443).await());
    Throwable first = waitFailure(guard, "inside.example", 443);
    Throwable second = waitFailure(guard, "inside.example", 443);

    assertEquals(2, lookups.get());
    assertEquals(OutboundException.Kind.REFUSED, ((OutboundException) first).kind());
    assertEquals(OutboundException.Kind.REFUSED, ((OutboundException) second).kind());
  }

  /** A failed lookup is not kept: the next call asks again and may succeed. */
  @Test
  void check_afterAFailedLookup_asksAgain(Vertx vertx) throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    InetAddress vendor = InetAddress.getByName("93.184.216.34");
    DestinationGuard guard =
        new DestinationGuard(
            vertx,
            Set.of(),
            host -> {
              if (lookups.incrementAndGet() == 1) {
                throw new java.net.UnknownHostException(host);
              }
              return new InetAddress[] {vendor};
            });

    Throwable failure = waitFailure(guard, "vendor.example", 443);

    assertEquals(OutboundException.Kind.REFUSED, ((OutboundException) failure).kind());
    assertEquals(vendor, guard.check("vendor.example", 443).await());
    assertEquals(2, lookups.get());
  }

  /**
   * An unresolvable host is an expected answer: the guard refuses it as before, and nothing is
   * logged through JDK logging (the cache library logs a failed load there, with a stack trace).
   */
  @Test
  void check_unresolvableHost_refusesWithoutJdkLogRecords(Vertx vertx) throws Exception {
    DestinationGuard guard =
        new DestinationGuard(
            vertx,
            Set.of(),
            host -> {
              throw new UnknownHostException(host + ": Name or service not known");
            });
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture = new Capture(records);
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.addHandler(capture);
    try {

      Throwable first = waitFailure(guard, "no-such-host.invalid");
      Throwable second = waitFailure(guard, "no-such-host.invalid");
      Thread.sleep(300);

      for (Throwable failure : List.of(first, second)) {
        assertEquals(OutboundException.Kind.REFUSED, ((OutboundException) failure).kind());
        assertEquals("host no-such-host.invalid does not resolve", failure.getMessage());
      }
      List<String> logged =
          records.stream().map(r -> r.getLevel() + " " + r.getLoggerName()).toList();
      assertEquals(List.of(), logged);
    } finally {
      root.removeHandler(capture);
    }
  }

  /** Keeps every JDK log record it is given. */
  private static final class Capture extends Handler {
    private final List<LogRecord> records;

    Capture(List<LogRecord> records) {
      this.records = records;
      setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
