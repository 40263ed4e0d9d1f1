package com.apisec.gateway.core;

/**
 * A failure that the caller should see: it carries the HTTP status that {@code API.md} gives it and
 * a message that is safe to show (no secret, no stack trace).
 */
public class GatewayException extends RuntimeException {
  private final int status;

  public GatewayException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** Bad input: the message names the field. */
  public static GatewayException invalid(String message) {
    return new GatewayException(422, message);
  }

  /** A vendor refused or failed: the message names the vendor, its status and its own words. */
  public static GatewayException vendor(String message) {
    return new GatewayException(422, message);
  }

  public static GatewayException notFound(String message) {
    return new GatewayException(404, message);
  }
}
