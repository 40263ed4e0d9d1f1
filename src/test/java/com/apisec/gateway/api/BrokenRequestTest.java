package com.apisec.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.core.Addresses;
import com.apisec.gateway.core.BusOperation;
import com.apisec.gateway.core.LogCapture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests that never arrive whole: a client that goes away mid-body, framing that does not parse,
 * and a body that stops arriving. None of them is logged as a bug, and none holds a connection past
 * the body time limit.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class BrokenRequestTest {
  private static final long BODY_TIMEOUT_MS = 1_000;

  @TempDir Path dataDir;
  private int port;

  @BeforeEach
  void deploy(Vertx vertx) {
    port = TestApi.deploy(vertx, dataDir, new JsonObject().put("bodyTimeoutMs", BODY_TIMEOUT_MS));
    BusOperation.serve(
        vertx.eventBus(),
        Addresses.JIRA_FETCH,
        request -> Future.succeededFuture(new JsonObject()));
  }

  @Test
  void clientGoneMidBody_noErrorLogged() throws Exception {
    try (LogCapture logs = new LogCapture()) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        send(socket, head("Content-Length: 10") + "{");
        Thread.sleep(300);
      }
      Thread.sleep(500);

      assertEquals(0, errors(logs), logs.text());
    }
  }

  @Test
  void badChunkSize_400AndNoErrorLogged() throws Exception {
    try (LogCapture logs = new LogCapture();
        Socket socket = new Socket("127.0.0.1", port)) {
      send(socket, head("Transfer-Encoding: chunked") + "zz\r\n{}\r\n0\r\n\r\n");

      String answer = readAll(socket);

      assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
      assertTrue(!answer.contains("Exception"), answer);
      assertEquals(0, errors(logs), logs.text());
    }
  }

  @Test
  void bodyStopsArriving_408AndConnectionClosedAfterTheLimit() throws Exception {
    try (LogCapture logs = new LogCapture();
        Socket socket = new Socket("127.0.0.1", port)) {
      long started = System.nanoTime();
      send(socket, head("Content-Length: 10") + "{");

      String answer = readAll(socket);
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
      assertTrue(answer.contains("request body not received within 1000 ms"), answer);
      assertTrue(tookMs >= BODY_TIMEOUT_MS && tookMs < BODY_TIMEOUT_MS + 5_000, "took " + tookMs);
      assertEquals(0, errors(logs), logs.text());
    }
  }

  @Test
  void headersTooLarge_431WithTheErrorBody() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      send(socket, head("X-Pad: " + "p".repeat(20_000) + "\r\nContent-Length: 0"));

      String answer = readAll(socket);

      assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
      assertTrue(answer.endsWith("{\"actionErrors\":[\"request headers too large\"]}"), answer);
    }
  }

  @Test
  void requestLineTooLong_414WithTheErrorBody() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      send(socket, "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: gateway\r\n\r\n");

      String answer = readAll(socket);

      // the version was on the line that could not be read, so the answer may say HTTP/1.0
      assertTrue(answer.matches("(?s)HTTP/1\\.[01] 414 .*"), answer);
      assertTrue(answer.endsWith("{\"actionErrors\":[\"request line too long\"]}"), answer);
    }
  }

  @Test
  void slowButWholeBody_servedAsUsual() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      send(socket, head("Content-Length: 2") + "{");
      Thread.sleep(BODY_TIMEOUT_MS / 2);
      send(socket, "}");

      String answer = readUntil(socket, "\r\n\r\n");

      assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
    }
  }

  private static String head(String framing) {
    return "POST /api/fetchIntegration HTTP/1.1\r\nHost: gateway\r\n" + framing + "\r\n\r\n";
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Everything the server sends until it closes the connection (or 10 s pass). */
  private static String readAll(Socket socket) throws IOException {
    socket.setSoTimeout(10_000);
    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static String readUntil(Socket socket, String end) throws IOException {
    socket.setSoTimeout(10_000);
    InputStream in = socket.getInputStream();
    StringBuilder text = new StringBuilder();
    int b;
    while (!text.toString().endsWith(end) && (b = in.read()) >= 0) {
      text.append((char) b);
    }
    return text.toString();
  }

  private static long errors(LogCapture logs) {
    return logs.events().stream().filter(e -> e.getLevel().toString().equals("ERROR")).count();
  }
}
