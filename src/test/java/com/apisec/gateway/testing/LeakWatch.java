package com.apisec.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records, for the whole test run, every secret the tests configure and every API response body
 * they receive, so that {@code SecretLeakIT} can scan them and the run's log for leaks after all
 * unit tests have run.
 */
public final class LeakWatch {
  static final Path DIR = Path.of("target", "leak-watch");
  static final Path SECRETS = DIR.resolve("secrets.txt");
  static final Path RESPONSES = DIR.resolve("responses.txt");

  static {
    try {
      Files.createDirectories(DIR);
      Files.deleteIfExists(SECRETS);
      Files.deleteIfExists(RESPONSES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private LeakWatch() {}

  /** Registers a value that must never appear in a log line or a response, and returns it. */
  public static String secret(String value) {
    append(SECRETS, value.replace("\n", "") + "\n");
    return value;
  }

  /** Records a response body the gateway sent. */
  public static void response(String body) {
    if (body != null) {
      append(RESPONSES, body + "\n");
    }
  }

  private static synchronized void append(Path file, String text) {
    try {
      Files.writeString(
          file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
