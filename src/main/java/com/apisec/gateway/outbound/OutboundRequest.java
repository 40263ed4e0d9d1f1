package com.apisec.gateway.outbound;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * One call to a vendor. {@code retry} says which failures may be retried: reads and deliveries are
 * retried on 429, 5xx and timeouts; creates only on 429 and on a connection that never opened.
 */
public record OutboundRequest(
    String vendor, HttpMethod method, String url, MultiMap headers, Buffer body, Retry retry) {

  /** Which failures a call may be retried after. */
  public enum Retry {
    /** Safe to repeat: 429, 5xx, timeouts, connection failures. */
    IDEMPOTENT,
    /** Creates something: only 429 and a connection that never opened. */
    CREATE
  }

  public OutboundRequest {
    headers = headers == null ? MultiMap.caseInsensitiveMultiMap() : headers;
  }

  public static OutboundRequest get(String vendor, String url, MultiMap headers) {
    return new OutboundRequest(vendor, HttpMethod.GET, url, headers, null, Retry.IDEMPOTENT);
  }

  public static OutboundRequest json(
      String vendor,
      HttpMethod method,
      String url,
      MultiMap headers,
      JsonObject body,
      Retry retry) {
    MultiMap all = MultiMap.caseInsensitiveMultiMap().addAll(headers);
    all.set("Content-Type", "application/json");
    all.set("Accept", "application/json");
    return new OutboundRequest(vendor, method, url, all, body.toBuffer(), retry);
  }

  @Override
  public String toString() {
    return "OutboundRequest[vendor=" + vendor + ", method=" + method + ", headers=[REDACTED]]";
  }
}
