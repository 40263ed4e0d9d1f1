package com.apisec.gateway.sandbox;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a call's body before anything looks at it. Multipart uploads are counted as they stream in
 * and never written to disk; other bodies are kept in memory up to the limit.
 */
final class BodyReader implements Handler<RoutingContext> {
  static final long LIMIT_BYTES = 20L * 1024 * 1024;

  private final BodyHandler plain = BodyHandler.create(false).setBodyLimit(LIMIT_BYTES);

  @Override
  public void handle(RoutingContext ctx) {
    if (isMultipart(ctx.request())) {
      readMultipart(ctx);
    } else {
      plain.handle(ctx);
    }
  }

  static boolean isMultipart(HttpServerRequest request) {
    String type = request.getHeader("Content-Type");
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  private static void readMultipart(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    List<MutablePart> files = new ArrayList<>();
    if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
      ctx.response().writeContinue();
    }
    request.setExpectMultipart(true);
    request.uploadHandler(upload -> files.add(count(upload)));
    request.exceptionHandler(ctx::fail);
    request.endHandler(v -> ended(ctx, files));
    request.resume();
  }

  private static MutablePart count(HttpServerFileUpload upload) {
    MutablePart part = new MutablePart(upload.name(), upload.filename(), upload.contentType());
    upload.handler(chunk -> part.size += chunk.length());
    return part;
  }

  private static void ended(RoutingContext ctx, List<MutablePart> files) {
    List<FormPart> parts = new ArrayList<>();
    long total = 0;
    for (MutablePart file : files) {
      parts.add(new FormPart(file.name, file.filename, file.contentType, file.size));
      total += file.size;
    }
    for (Map.Entry<String, String> field : ctx.request().formAttributes()) {
      long size = field.getValue().getBytes(StandardCharsets.UTF_8).length;
      parts.add(new FormPart(field.getKey(), null, null, size));
      total += size;
    }

    if (total > LIMIT_BYTES) {
      ctx.fail(413);
      return;
    }
    ctx.put(FormPart.CONTEXT_KEY, List.copyOf(parts));
    ctx.next();
  }

  private static final class MutablePart {
    private final String name;
    private final String filename;
    private final String contentType;
    private long size;

    private MutablePart(String name, String filename, String contentType) {
      this.name = name;
      this.filename = filename;
      this.contentType = contentType;
    }
  }
}
