package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.GatewayException;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a job's slots fall: on the grid of a fixed interval, or at the fire times of a cron
 * schedule. A claim runs the due slot and moves the job to the first slot after now; the slots in
 * between are counted as missed and folded into that run.
 */
sealed interface Cadence {
  /** Missed slots are counted up to this many, so that a long outage costs bounded work. */
  long MAX_MISSED = 10_000;

  /**
   * The first slot after {@code now}, and after {@code due}: the next slot once a run is claimed.
   */
  long nextAfter(long due, long now);

  /** How many later slots are already due at {@code now}, folded into the run of {@code due}. */
  long missed(long due, long now);

  /** The first slot at or after {@code now} (or {@code due}, if later): resuming a job. */
  long atOrAfter(long due, long now);

  static Cadence of(long intervalMs, String schedule, String timeZone) {
    return schedule == null ? new Interval(intervalMs) : Cron.of(schedule, timeZone);
  }

  /** Slots on a grid with the interval as step, through the job's due time. */
  record Interval(long intervalMs) implements Cadence {
    @Override
    public long nextAfter(long due, long now) {
      return Slots.nextAfter(due, intervalMs, now);
    }

    @Override
    public long missed(long due, long now) {
      return Slots.missed(due, intervalMs, now);
    }

    @Override
    public long atOrAfter(long due, long now) {
      return Slots.atOrAfter(due, intervalMs, now);
    }
  }

  /**
   * Slots at a cron schedule's fire times in a time zone. The expression has five fields (minute,
   * hour, day of month, month, day of week, as in crontab) or six, with seconds first (as Spring
   * reads them); parsed by cron-utils.
   */
  record Cron(String schedule, ZoneId zone, ExecutionTime times) implements Cadence {
    static final String UTC = "UTC";
    private static final CronParser FIVE =
        new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser SIX =
        new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));
    private static final int CACHE_LIMIT = 10_000;
    private static final Map<String, Cron> PARSED = new ConcurrentHashMap<>();

    /**
     * The parsed schedule; a 422 naming {@code schedule} or {@code timeZone} when either is bad.
     */
    static Cron of(String schedule, String timeZone) {
      String zone = timeZone == null ? UTC : timeZone;
      String cacheKey = schedule + "\n" + zone;
      Cron known = PARSED.get(cacheKey);
      if (known != null) {
        return known;
      }
      Cron cron = new Cron(schedule, zoneOf(zone), executionTime(schedule));
      if (PARSED.size() >= CACHE_LIMIT) {
        PARSED.clear();
      }
      PARSED.put(cacheKey, cron);
      return cron;
    }

    /** The first fire time strictly after {@code at}, or {@link DueQueue#NEVER} if none is left. */
    long fireAfter(long at) {
      ZonedDateTime from = Instant.ofEpochMilli(at).atZone(zone);
      return times
          .nextExecution(from)
          .map(next -> next.toInstant().toEpochMilli())
          .filter(next -> next > at)
          .orElse(DueQueue.NEVER);
    }

    @Override
    public long nextAfter(long due, long now) {
      return fireAfter(Math.max(due, now));
    }

    @Override
    public long missed(long due, long now) {
      long count = 0;
      long at = fireAfter(due);
      while (at <= now && count < MAX_MISSED) {
        count++;
        at = fireAfter(at);
      }
      return count;
    }

    @Override
    public long atOrAfter(long due, long now) {
      return now <= due ? due : fireAfter(now - 1);
    }

    private static ExecutionTime executionTime(String schedule) {
      String trimmed = schedule.trim();
      int fields = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
      if (fields != 5 && fields != 6) {
        throw GatewayException.invalid(
            "schedule must be a cron expression of 5 fields (minute hour day-of-month month"
                + " day-of-week) or 6 (seconds first), got "
                + fields);
      }
      try {
        CronParser parser = fields == 5 ? FIVE : SIX;
        return ExecutionTime.forCron(parser.parse(trimmed).validate());
      } catch (IllegalArgumentException e) {
        String reason = String.valueOf(e.getMessage()).replaceAll("\\p{Cntrl}", " ");
        throw GatewayException.invalid("schedule is not a valid cron expression: " + reason);
      }
    }

    private static ZoneId zoneOf(String zone) {
      try {
        return ZoneId.of(zone);
      } catch (DateTimeException e) {
        throw GatewayException.invalid("timeZone must be a time zone id such as Europe/Berlin");
      }
    }
  }
}
