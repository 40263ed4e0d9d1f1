package com.apisec.gateway.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SandboxLogTest {

  @Test
  void record_moreThanTheLimit_keepsTheNewest() {
    SandboxLog log = new SandboxLog();

    for (int i = 0; i < SandboxLog.LIMIT + 5; i++) {
      log.record(request("/call/" + i));
    }

    JsonArray kept = log.requests("jira");
    assertEquals(SandboxLog.LIMIT, kept.size());
    assertEquals("/call/5", kept.getJsonObject(0).getString("path"));
    assertEquals(
        "/call/" + (SandboxLog.LIMIT + 4), kept.getJsonObject(kept.size() - 1).getString("path"));
  }

  @Test
  void requests_otherVendor_isLeftOut() {
    SandboxLog log = new SandboxLog();
    log.record(request("/a"));

    JsonArray other = log.requests("jira-dc");

    assertEquals(0, other.size());
  }

  private static RecordedRequest request(String path) {
    return new RecordedRequest(
        "jira", Instant.now(), "GET", path, null, new JsonObject(), null, null);
  }
}
