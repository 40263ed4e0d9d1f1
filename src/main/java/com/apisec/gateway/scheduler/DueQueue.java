package com.apisec.gateway.scheduler;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongPredicate;

/**
 * A node's index of every job: when each next needs attention, on a timeline ordered by that time,
 * and the jobs whose time has come, queued per account and handed out round-robin so that one
 * account's many jobs cannot starve another's. Used from one event loop only.
 */
final class DueQueue {
  static final long NEVER = Long.MAX_VALUE;

  private record Timed(long at, String id) implements Comparable<Timed> {
    @Override
    public int compareTo(Timed other) {
      int byTime = Long.compare(at, other.at);
      return byTime != 0 ? byTime : id.compareTo(other.id);
    }
  }

  private final Map<String, JobView> views = new HashMap<>();
  private final Map<String, Long> wakeAt = new HashMap<>();
  private final TreeSet<Timed> timeline = new TreeSet<>();
  private final LinkedHashMap<Long, ArrayDeque<String>> ready = new LinkedHashMap<>();
  private int readyCount;

  /** Keeps {@code view} unless a newer version is known; true when kept. */
  boolean put(JobView view) {
    JobView known = views.get(view.id());
    if (known != null && known.version() > view.version()) {
      return false;
    }
    views.put(view.id(), view);
    return true;
  }

  JobView view(String id) {
    return views.get(id);
  }

  void remove(String id) {
    views.remove(id);
    unschedule(id);
  }

  /** Puts the job on the timeline at {@code at}, or takes it off for {@link #NEVER}. */
  void schedule(String id, long at) {
    unschedule(id);
    if (at != NEVER && views.containsKey(id)) {
      wakeAt.put(id, at);
      timeline.add(new Timed(at, id));
    }
  }

  private void unschedule(String id) {
    Long at = wakeAt.remove(id);
    if (at != null) {
      timeline.remove(new Timed(at, id));
    }
  }

  /** The earliest time on the timeline, or {@link #NEVER}. */
  long nextWake() {
    return timeline.isEmpty() ? NEVER : timeline.first().at();
  }

  /** Moves every job due at {@code now} from the timeline to its account's ready queue. */
  void promote(long now) {
    while (!timeline.isEmpty() && timeline.first().at() <= now) {
      Timed due = timeline.pollFirst();
      wakeAt.remove(due.id());
      JobView view = views.get(due.id());
      if (view != null) {
        ready.computeIfAbsent(view.accountId(), a -> new ArrayDeque<>()).add(due.id());
        readyCount++;
      }
    }
  }

  /**
   * The next ready job of the first account, in turn, for which {@code hasRoom} holds; that account
   * then goes to the back of the line. Null when no account with room has a ready job.
   */
  JobView pollReady(LongPredicate hasRoom) {
    JobView view = null;
    Long account = nextAccountWithRoom(hasRoom);
    while (view == null && account != null) {
      ArrayDeque<String> jobs = ready.remove(account);
      view = views.get(jobs.poll());
      readyCount--;
      if (!jobs.isEmpty()) {
        ready.put(account, jobs);
      }
      account = view == null ? nextAccountWithRoom(hasRoom) : null;
    }
    return view;
  }

  private Long nextAccountWithRoom(LongPredicate hasRoom) {
    for (Long account : ready.keySet()) {
      if (hasRoom.test(account)) {
        return account;
      }
    }
    return null;
  }

  int size() {
    return views.size();
  }

  int readyCount() {
    return readyCount;
  }

  Iterable<JobView> views() {
    return views.values();
  }
}
