package com.apisec.gateway.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apisec.gateway.core.GatewayException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CadenceTest {
  private static final JobKey KEY = new JobKey(1, "probe", "cron");

  @Test
  void cron_dailyAtTwoInBerlin_firesAtTwoLocalTime() {
    Cadence.Cron cron = Cadence.Cron.of("0 2 * * *", "Europe/Berlin");

    long next = cron.nextAfter(at("2026-01-10T09:00:00Z"), at("2026-01-10T12:00:00Z"));

    assertEquals(at("2026-01-11T01:00:00Z"), next);
  }

  @Test
  void cron_threeDaysDown_countsTheMissedFireTimesAndGoesOnAfterNow() {
    Cadence.Cron cron = Cadence.Cron.of("0 2 * * *", null);
    long due = at("2026-01-10T02:00:00Z");
    long now = at("2026-01-13T12:00:00Z");

    long missed = cron.missed(due, now);
    long next = cron.nextAfter(due, now);

    assertEquals(3, missed);
    assertEquals(at("2026-01-14T02:00:00Z"), next);
  }

  @Test
  void cron_sixFields_readsSecondsFirst() {
    Cadence.Cron cron = Cadence.Cron.of("*/15 * * * * *", null);

    long next = cron.nextAfter(at("2026-01-10T09:00:00Z"), at("2026-01-10T09:00:16Z"));

    assertEquals(at("2026-01-10T09:00:30Z"), next);
  }

  @Test
  void cron_resumedAfterPause_skipsToTheFirstFireTimeFromNow() {
    Cadence.Cron cron = Cadence.Cron.of("0 * * * *", null);

    long resumed = cron.atOrAfter(at("2026-01-10T09:00:00Z"), at("2026-01-10T11:30:00Z"));
    long early = cron.atOrAfter(at("2026-01-10T12:00:00Z"), at("2026-01-10T11:30:00Z"));

    assertEquals(at("2026-01-10T12:00:00Z"), resumed);
    assertEquals(at("2026-01-10T12:00:00Z"), early);
  }

  @Test
  void newJob_cronSchedule_firstSlotIsTheFirstFireTimeFromNow() {
    JobSpec spec = JobSpec.cron(KEY, "30 4 * * 1", null);

    JsonObject doc = JobDocs.create(spec, at("2026-01-10T12:00:00Z"));

    assertEquals(at("2026-01-12T04:30:00Z"), doc.getLong("nextDueAt"));
    assertEquals(0L, doc.getLong("intervalMs"));
    Job job = Job.fromDoc(doc);
    assertEquals("30 4 * * 1", job.schedule());
    assertEquals(0, job.intervalSeconds());
    assertNull(job.timeZone());
  }

  @Test
  void save_intervalJobGetsASchedule_nextSlotIsTheScheduleFirstFireTime() {
    long now = System.currentTimeMillis();
    JsonObject doc = JobDocs.create(JobSpec.every(KEY, 60, null), now);

    JsonObject set = JobChanges.spec(doc, JobSpec.cron(KEY, "0 0 * * *", null));

    assertEquals("0 0 * * *", set.getString("schedule"));
    assertEquals(0L, set.getLong("intervalMs"));
    long next = set.getLong("nextDueAt");
    assertTrue(next > now && next <= now + 86_400_000L, "next " + next);
    assertEquals(0, next % 86_400_000L);
  }

  @Test
  void spec_badSchedules_are422NamingTheField() {
    assertInvalid(
        "schedule is not a valid cron expression", () -> JobSpec.cron(KEY, "61 * * * *", null));
    assertInvalid(
        "schedule must be a cron expression of 5 fields (minute hour day-of-month month"
            + " day-of-week) or 6 (seconds first), got 3",
        () -> JobSpec.cron(KEY, "* * *", null));
    assertInvalid("schedule never fires", () -> JobSpec.cron(KEY, "0 0 30 2 *", null));
    assertInvalid("schedule is required", () -> JobSpec.cron(KEY, null, null));
    assertInvalid("timeZone must be", () -> JobSpec.cron(KEY, "0 2 * * *", "Mars/Olympus", null));
    assertInvalid(
        "schedule and intervalSeconds exclude each other",
        () -> new JobSpec(KEY, 60, null, 0, "0 2 * * *", null));
    assertInvalid(
        "timeZone applies to a schedule only", () -> new JobSpec(KEY, 60, null, 0, null, "UTC"));
  }

  private static void assertInvalid(String start, Runnable build) {
    GatewayException e = assertThrows(GatewayException.class, build::run);
    assertEquals(422, e.status());
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
  }

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }
}
