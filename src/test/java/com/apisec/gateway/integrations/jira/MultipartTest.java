package com.apisec.gateway.integrations.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartTest {

  @Test
  void file_parsedByAMultipartDecoder_givesOnePartNamedFileWithTheText() throws IOException {
    String text =
        "---------- Original Curl ----------\ncurl 'https://x' \u00e9\r\n--not-a-boundary";

    Multipart.Body body = Multipart.file("file", "request-response-1.txt", "text/plain", text);

    List<InterfaceHttpData> parts = decode(body);
    assertEquals(1, parts.size());
    FileUpload upload = (FileUpload) parts.get(0);
    assertEquals("file", upload.getName());
    assertEquals("request-response-1.txt", upload.getFilename());
    assertEquals(text, upload.getString(StandardCharsets.UTF_8));
  }

  @Test
  void file_twoBodies_useDifferentBoundaries() {
    Multipart.Body first = Multipart.file("file", "a.txt", "text/plain", "x");
    Multipart.Body second = Multipart.file("file", "a.txt", "text/plain", "x");

    assertNotEquals(first.contentType(), second.contentType());
  }

  private static List<InterfaceHttpData> decode(Multipart.Body body) {
    DefaultFullHttpRequest request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1,
            HttpMethod.POST,
            "/upload",
            Unpooled.wrappedBuffer(body.buffer().getBytes()));
    request.headers().set("Content-Type", body.contentType());
    HttpPostRequestDecoder decoder =
        new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), request);
    try {
      return List.copyOf(decoder.getBodyHttpDatas());
    } finally {
      request.release();
    }
  }
}
