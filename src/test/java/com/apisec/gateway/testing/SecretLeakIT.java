package com.apisec.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs after every unit test: scans the whole run's log and every recorded response body for every
 * secret the tests configured, as written, base64-encoded and URL-encoded. Any hit fails the build.
 */
class SecretLeakIT {
  private static final Path DIR = Path.of("target", "leak-watch");
  private static final Path LOG = DIR.resolve("test-run.log");
  private static final Path SECRETS = DIR.resolve("secrets.txt");
  private static final Path RESPONSES = DIR.resolve("responses.txt");

  @Test
  void testRun_logsAndResponses_containNoConfiguredSecret() throws IOException {
    List<String> secrets = Files.readAllLines(SECRETS);
    String log = Files.readString(LOG, StandardCharsets.UTF_8);
    String responses = Files.readString(RESPONSES, StandardCharsets.UTF_8);
    assertTrue(secrets.size() >= 3, "the unit tests registered too few secrets to scan for");
    assertTrue(log.length() > 10_000, "the unit tests' log is missing or nearly empty");
    assertTrue(responses.length() > 1_000, "no response bodies were recorded");

    List<String> hits = new ArrayList<>();
    for (String secret : new LinkedHashSet<>(secrets)) {
      for (String form : forms(secret)) {
        if (log.contains(form)) {
          hits.add("log contains a form of secret #" + secrets.indexOf(secret));
        }
        if (responses.contains(form)) {
          hits.add("a response contains a form of secret #" + secrets.indexOf(secret));
        }
      }
    }

    assertFalse(!hits.isEmpty(), String.join("\n", hits));
  }

  private static Set<String> forms(String secret) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(secret);
    forms.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    forms.removeIf(form -> form.length() < 8);
    return forms;
  }
}
