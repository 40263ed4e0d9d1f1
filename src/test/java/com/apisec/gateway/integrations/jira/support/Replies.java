package com.apisec.gateway.integrations.jira.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

/** Reads the gateway's replies in tests. */
public final class Replies {
  private Replies() {}

  /** The first message of an error body. */
  public static String message(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonArray("actionErrors").getString(0);
  }

  public static void assertError(HttpResponse<Buffer> response, int status, String message) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    assertEquals(message, message(response));
  }

  /** The ticket key of a successful ticket reply. */
  public static String ticketKey(HttpResponse<Buffer> response) {
    assertEquals(200, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getString("jiraTicketKey");
  }
}
