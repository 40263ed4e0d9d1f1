package com.apisec.gateway.api;

/** One HTTP operation: its name under {@code /api/}, the permission it needs, and its address. */
public record Operation(String name, Feature feature, Access access, String address) {

  /** The platform's permission features. */
  public enum Feature {
    INTEGRATIONS,
    ISSUES
  }

  /** Access levels, in increasing order. */
  public enum Access {
    NO_ACCESS,
    READ,
    READ_WRITE;

    public boolean covers(Access needed) {
      return compareTo(needed) >= 0;
    }
  }
}
