package com.apisec.gateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchedulerConfigTest {
  @Test
  void scheduler_noSection_usesTheDefaults() {
    GatewayConfig.Scheduler scheduler = TestConfigs.config(Path.of("data")).scheduler();

    assertEquals(new GatewayConfig.Scheduler(30, 10, 16, 4, 60, 3600, 604_800, 3600), scheduler);
  }

  @Test
  void scheduler_renewNotShorterThanLease_isRefusedNamingBothKeys() {
    JsonObject json =
        withScheduler(new JsonObject().put("leaseSeconds", 10).put("renewSeconds", 10));

    ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfig.from(json));

    assertEquals(
        "scheduler.renewSeconds must be less than scheduler.leaseSeconds, got 10 and 10",
        e.getMessage());
  }

  @Test
  void scheduler_accountShareAboveNodeBound_isRefusedNamingTheKey() {
    JsonObject json =
        withScheduler(new JsonObject().put("concurrency", 4).put("accountConcurrency", 5));

    ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfig.from(json));

    assertEquals("scheduler.accountConcurrency must be between 1 and 4, got 5", e.getMessage());
  }

  @Test
  void scheduler_runKeyRetentionNotLongerThanRunTimeout_isRefusedNamingBothKeys() {
    JsonObject json =
        withScheduler(
            new JsonObject().put("runTimeoutSeconds", 7200).put("runKeyRetentionSeconds", 7200));

    ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfig.from(json));

    assertEquals(
        "scheduler.runKeyRetentionSeconds must be more than scheduler.runTimeoutSeconds, got 7200"
            + " and 7200",
        e.getMessage());
  }

  @Test
  void scheduler_leaseNotANumber_isRefusedNamingTheKey() {
    JsonObject json = withScheduler(new JsonObject().put("leaseSeconds", "soon"));

    ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfig.from(json));

    assertEquals("scheduler.leaseSeconds must be a number, got 'soon'", e.getMessage());
  }

  private static JsonObject withScheduler(JsonObject scheduler) {
    return TestConfigs.json(Path.of("data")).put("scheduler", scheduler);
  }
}
