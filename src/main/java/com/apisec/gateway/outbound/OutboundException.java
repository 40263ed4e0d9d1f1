package com.apisec.gateway.outbound;

/**
 * A call that got no usable answer. {@link Kind#NOT_SENT} failures never reached the vendor; {@link
 * Kind#UNKNOWN} ones may have (a timeout or a connection lost after the request was written), so a
 * create's outcome is unknown. Messages carry no secret.
 */
public class OutboundException extends RuntimeException {
  /** What is known of the request's fate. */
  public enum Kind {
    /** Refused before sending: a forbidden destination, a host that does not resolve. */
    REFUSED,
    /** Never reached the vendor: the connection did not open. */
    NOT_SENT,
    /** May have reached the vendor. */
    UNKNOWN,
    /** The vendor asked to wait longer than the configured maximum. */
    RATE_LIMITED
  }

  private final Kind kind;

  public OutboundException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
