package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.GatewayException;
import com.apisec.gateway.outbound.OutboundClient;
import com.apisec.gateway.outbound.OutboundRequest;
import com.apisec.gateway.outbound.OutboundRequest.Retry;
import com.apisec.gateway.outbound.OutboundResponse;
import com.apisec.gateway.outbound.VendorUrl;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The calls every Jira client makes through the shared outbound client: the deployment's headers
 * and URLs, reads that must answer with JSON, and the failure every other answer turns into.
 */
final class JiraHttp {
  static final String VENDOR = "jira";

  private final OutboundClient outbound;

  JiraHttp(OutboundClient outbound) {
    this.outbound = outbound;
  }

  Future<OutboundResponse> send(OutboundRequest request) {
    return outbound.send(request);
  }

  /** A GET whose answer must be a JSON object. */
  Future<JsonObject> getObject(JiraCredentials credentials, String path) {
    return get(credentials, path).compose(r -> object(credentials, r));
  }

  /** A GET whose answer must be a JSON array. */
  Future<JsonArray> getArray(JiraCredentials credentials, String path) {
    return get(credentials, path)
        .compose(
            r -> {
              JsonArray json = r.jsonArray();
              return json != null ? Future.succeededFuture(json) : Future.failedFuture(notJson(r));
            });
  }

  /** A POST that reads (a search), safe to repeat; the answer must be a JSON object. */
  Future<JsonObject> postRead(JiraCredentials credentials, String path, JsonObject body) {
    OutboundRequest request =
        OutboundRequest.json(
            VENDOR,
            HttpMethod.POST,
            url(credentials, path),
            headers(credentials),
            body,
            Retry.IDEMPOTENT);
    return call(request).compose(r -> object(credentials, r));
  }

  private Future<OutboundResponse> get(JiraCredentials credentials, String path) {
    return call(OutboundRequest.get(VENDOR, url(credentials, path), headers(credentials)))
        .compose(r -> r.ok() ? Future.succeededFuture(r) : rejected(credentials, r));
  }

  private Future<OutboundResponse> call(OutboundRequest request) {
    return outbound.send(request).recover(e -> Future.failedFuture(JiraErrors.unreachable(e)));
  }

  private static Future<JsonObject> object(JiraCredentials credentials, OutboundResponse r) {
    if (!r.ok()) {
      return rejected(credentials, r);
    }
    JsonObject json = r.jsonObject();
    return json != null ? Future.succeededFuture(json) : Future.failedFuture(notJson(r));
  }

  private static <T> Future<T> rejected(JiraCredentials credentials, OutboundResponse r) {
    return Future.failedFuture(JiraErrors.rejected(r, credentials));
  }

  private static GatewayException notJson(OutboundResponse r) {
    return GatewayException.vendor(JiraErrors.describe(r, null));
  }

  static MultiMap headers(JiraCredentials credentials) {
    String authorization = credentials.deployment().dialect().authorization(credentials);
    return MultiMap.caseInsensitiveMultiMap()
        .set("Authorization", authorization)
        .set("Accept", "application/json");
  }

  static String url(JiraCredentials credentials, String path) {
    return VendorUrl.join(credentials.baseUrl(), path);
  }
}
