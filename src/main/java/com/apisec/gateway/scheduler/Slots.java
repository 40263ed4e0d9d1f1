package com.apisec.gateway.scheduler;

/**
 * The arithmetic of a job's slots. Slots lie on a grid through the job's due time with the job's
 * interval as step; a run stands for its slot and for every later slot already due when it is
 * claimed, so missed slots coalesce into one run instead of a burst.
 */
final class Slots {
  private Slots() {}

  /** The first slot after {@code now} on the grid through {@code due}. */
  static long nextAfter(long due, long intervalMs, long now) {
    if (now < due) {
      return due + intervalMs;
    }
    return due + ((now - due) / intervalMs + 1) * intervalMs;
  }

  /** How many later slots are already due at {@code now}, folded into the run of {@code due}. */
  static long missed(long due, long intervalMs, long now) {
    return now < due ? 0 : (now - due) / intervalMs;
  }

  /**
   * When a job whose interval changed is next due: one new interval after its latest slot (the one
   * before {@code due} on the old grid), and not before {@code now}.
   */
  static long afterIntervalChange(long due, long oldIntervalMs, long newIntervalMs, long now) {
    return Math.max(due - oldIntervalMs + newIntervalMs, now);
  }

  /** The first slot at or after {@code now} on the grid through {@code due}: resuming a job. */
  static long atOrAfter(long due, long intervalMs, long now) {
    if (now <= due) {
      return due;
    }
    long next = nextAfter(due, intervalMs, now);
    return next - intervalMs == now ? now : next;
  }
}
