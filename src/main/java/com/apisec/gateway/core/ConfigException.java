package com.apisec.gateway.core;

/** A configuration value that cannot be used; the message names the key. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
