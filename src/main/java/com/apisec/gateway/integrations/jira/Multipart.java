package com.apisec.gateway.integrations.jira;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A {@code multipart/form-data} body holding one file part, built as a buffer so that the shared
 * outbound client sends it like any other body.
 */
final class Multipart {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The body and the {@code Content-Type} header that names its boundary. */
  record Body(String contentType, Buffer buffer) {}

  private Multipart() {}

  static Body file(String partName, String fileName, String mediaType, String text) {
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    String boundary = boundary(text);
    Buffer buffer = Buffer.buffer(content.length + 256);
    buffer.appendString("--" + boundary + "\r\n");
    buffer.appendString(
        "Content-Disposition: form-data; name=\""
            + headerSafe(partName)
            + "\"; filename=\""
            + headerSafe(fileName)
            + "\"\r\n");
    buffer.appendString("Content-Type: " + mediaType + "\r\n\r\n");
    buffer.appendBytes(content);
    buffer.appendString("\r\n--" + boundary + "--\r\n");
    return new Body("multipart/form-data; boundary=" + boundary, buffer);
  }

  private static String boundary(String content) {
    String boundary;
    do {
      byte[] bytes = new byte[16];
      RANDOM.nextBytes(bytes);
      boundary = "gateway-" + HexFormat.of().formatHex(bytes);
    } while (content.contains(boundary));
    return boundary;
  }

  private static String headerSafe(String value) {
    return value.replaceAll("[\\r\\n\"\\\\]", "_");
  }
}
