package com.apisec.gateway.api;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.apisec.gateway.core.Addresses;
import com.apisec.gateway.core.BusOperation;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections that carry no request: a head that never ends, one that trickles in, and a keep-alive
 * connection left idle are closed after {@code http.idleTimeoutMs}; an answer that takes longer
 * than that is still delivered.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class IdleConnectionTest {
  private static final long IDLE_MS = 1_000;
  private static final long MARGIN_MS = 3_000;
  private static final long ACCOUNT = 1_000_000L;

  @TempDir Path dataDir;
  private int port;

  @BeforeEach
  void deploy(Vertx vertx) {
    port = TestApi.deploy(vertx, dataDir, new JsonObject().put("idleTimeoutMs", IDLE_MS));
    BusOperation.serve(
        vertx.eventBus(),
        Addresses.JIRA_FETCH,
        request -> vertx.timer(2 * IDLE_MS).map(t -> new JsonObject().put("slow", true)));
  }

  @Test
  void headNeverEnds_connectionClosedAfterTheIdleLimit() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      long started = System.nanoTime();
      send(socket, "POST /api/fetchIntegration HTTP/1.1\r\nHost: gateway\r\n");

      long tookMs = untilClosed(socket, started);

      assertTrue(tookMs >= IDLE_MS && tookMs < IDLE_MS + MARGIN_MS, "closed after " + tookMs);
    }
  }

  @Test
  void headTricklesInByteByByte_connectionClosedAfterTheIdleLimit() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      long started = System.nanoTime();
      send(socket, "POST /api/fetchIntegration HTTP/1.1\r\nHost: gateway\r\nX-Slow: ");

      long tookMs = trickleUntilClosed(socket, started);

      assertTrue(tookMs >= IDLE_MS && tookMs < IDLE_MS + MARGIN_MS, "closed after " + tookMs);
    }
  }

  @Test
  void keepAliveConnectionLeftIdle_closedAfterTheIdleLimit() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      send(socket, "GET /health HTTP/1.1\r\nHost: gateway\r\n\r\n");
      String answer = readAnswer(socket);
      long answered = System.nanoTime();

      long tookMs = untilClosed(socket, answered);

      assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
      assertTrue(tookMs >= IDLE_MS - 100 && tookMs < IDLE_MS + MARGIN_MS, "closed after " + tookMs);
    }
  }

  @Test
  void answerSlowerThanTheIdleLimit_isDeliveredAndTheConnectionKept(Vertx vertx) throws Exception {
    String token = Tokens.admin(vertx, ACCOUNT);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      send(socket, post(token));

      String first = readAnswer(socket);
      send(socket, "GET /health HTTP/1.1\r\nHost: gateway\r\n\r\n");
      String second = readAnswer(socket);

      assertTrue(first.startsWith("HTTP/1.1 200") && first.contains("\"slow\":true"), first);
      assertTrue(second.startsWith("HTTP/1.1 200"), second);
    }
  }

  private static String post(String token) {
    return "POST /api/fetchIntegration HTTP/1.1\r\nHost: gateway\r\n"
        + "Authorization: Bearer "
        + token
        + "\r\nContent-Length: 2\r\n\r\n{}";
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Milliseconds from {@code since} until the server closes the connection; fails after 10 s. */
  private static long untilClosed(Socket socket, long since) throws IOException {
    socket.setSoTimeout(10_000);
    try {
      int read = socket.getInputStream().read();
      if (read >= 0) {
        fail("the server sent data instead of closing: " + (char) read);
      }
    } catch (SocketTimeoutException e) {
      fail("the connection is still open after 10 s");
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
  }

  /** Sends a header byte every 100 ms until the server closes the connection or 10 s pass. */
  private static long trickleUntilClosed(Socket socket, long since) throws IOException {
    socket.setSoTimeout(100);
    InputStream in = socket.getInputStream();
    while (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since) < 10_000) {
      try {
        send(socket, "a");
        if (in.read() < 0) {
          return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
        }
        fail("the server answered a head that never ended");
      } catch (SocketTimeoutException e) {
        // still open: one more byte
      } catch (IOException e) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
      }
    }
    return fail("the connection is still open after 10 s of trickling");
  }

  /** One answer: its head and the body its Content-Length announces. */
  private static String readAnswer(Socket socket) throws IOException {
    socket.setSoTimeout(10_000);
    InputStream in = socket.getInputStream();
    StringBuilder text = new StringBuilder();
    while (!text.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        return text.append("(closed)").toString();
      }
      text.append((char) b);
    }
    int length = contentLength(text.toString());
    text.append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
    return text.toString();
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return 0;
  }
}
