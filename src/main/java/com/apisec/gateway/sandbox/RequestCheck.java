package com.apisec.gateway.sandbox;

import java.util.List;

/**
 * A rule a call to a stand-in must keep, such as the vendor's published contract. The sandbox
 * answers a call that breaks one with 400 and keeps the violations for {@code GET /_violations}.
 *
 * <p>Checks run on a worker thread, never on the event loop, and may run concurrently: an
 * implementation must be thread-safe.
 */
@FunctionalInterface
public interface RequestCheck {

  /** The rules this call breaks, one message each; empty when it keeps them all. */
  List<String> violations(String vendor, RecordedRequest request);
}
