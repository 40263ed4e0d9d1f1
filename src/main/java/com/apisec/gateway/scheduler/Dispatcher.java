package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.GatewayConfig;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Decides when this node tries each job and starts runs within its bounds. One timer is armed for
 * the earliest time on the index; when it fires, due jobs are handed out round-robin by account, at
 * most {@code concurrency} runs at once and {@code accountConcurrency} per account. A run is
 * asynchronous, so a slow worker holds one place and delays nothing else.
 */
final class Dispatcher {
  /** How long a node that is not a job's preferred node lets the preferred one go first. */
  static final long STANDBY_MS = 2_000;

  /** Margin after another node's lease ends before taking its slot over. */
  static final long TAKEOVER_GRACE_MS = 250;

  /**
   * The wait before trying a job again after its claim could not be carried out (the store down or
   * refusing, a stored schedule that does not parse), doubled after each such failure in a row up
   * to {@link #RETRY_MAX_MS}, so a failing store is not asked again at once by every due job.
   */
  static final long RETRY_FIRST_MS = 1_000;

  static final long RETRY_MAX_MS = 30_000;

  /** The longest the timer sleeps, so a jump of the clock is noticed within a minute. */
  private static final long MAX_SLEEP_MS = 60_000;

  private final Vertx vertx;
  private final String nodeId;
  private final Supplier<GatewayConfig.Scheduler> settings;
  private final Membership members;
  private final Predicate<String> runsType;
  private final DueQueue queue = new DueQueue();
  private final Set<String> running = new HashSet<>();
  private final Map<Long, Integer> perAccount = new HashMap<>();
  private final Map<String, Backoff> backoffs = new HashMap<>();
  private JobRunner runner;
  private long timer = -1;
  private long timerAt = DueQueue.NEVER;
  private boolean stopped;

  Dispatcher(
      Vertx vertx,
      String nodeId,
      Supplier<GatewayConfig.Scheduler> settings,
      Membership members,
      Predicate<String> runsType) {
    this.vertx = vertx;
    this.nodeId = nodeId;
    this.settings = settings;
    this.members = members;
    this.runsType = runsType;
  }

  void start(JobRunner runner) {
    this.runner = runner;
    arm();
  }

  void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
  }

  /** Takes a job's current schedule (from a write, a read or a notification). */
  void apply(JobView view) {
    if (queue.put(view)) {
      queue.schedule(view.id(), heldBack(view, wakeAt(view)));
      arm();
    }
  }

  void remove(String jobId) {
    queue.remove(jobId);
    backoffs.remove(jobId);
  }

  int jobs() {
    return queue.size();
  }

  int runningCount() {
    return running.size();
  }

  Iterable<JobView> views() {
    return queue.views();
  }

  /** When this node next looks at the job: its slot, or the end of another node's lease. */
  private long wakeAt(JobView view) {
    if (!view.active() || running.contains(view.id())) {
      return DueQueue.NEVER;
    }
    if (view.leased()) {
      return view.leaseUntil() + TAKEOVER_GRACE_MS;
    }
    return view.nextDueAt();
  }

  private void arm() {
    long next = queue.nextWake();
    if (stopped || next >= timerAt) {
      return;
    }
    vertx.cancelTimer(timer);
    long now = System.currentTimeMillis();
    long delay = Math.max(1, Math.min(MAX_SLEEP_MS, next - now));
    timerAt = now + delay;
    timer = vertx.setTimer(delay, t -> fire());
  }

  private void fire() {
    timerAt = DueQueue.NEVER;
    queue.promote(System.currentTimeMillis());
    pump();
    arm();
  }

  private void pump() {
    GatewayConfig.Scheduler limits = settings.get();
    while (!stopped && running.size() < limits.concurrency()) {
      JobView view =
          queue.pollReady(
              account -> perAccount.getOrDefault(account, 0) < limits.accountConcurrency());
      if (view == null) {
        return;
      }
      consider(view);
    }
  }

  /** Starts the job if it is still due for this node; otherwise puts it back on the timeline. */
  private void consider(JobView view) {
    long now = System.currentTimeMillis();
    long at = wakeAt(view);
    if (at == DueQueue.NEVER) {
      return;
    }
    if (!runsType.test(view.type())) {
      queue.schedule(view.id(), Math.max(at, now) + settings.get().leaseSeconds() * 1000);
      return;
    }
    if (!view.leased() && !members.preferred(view.id(), view.type())) {
      at += STANDBY_MS;
    }
    if (at > now) {
      queue.schedule(view.id(), at);
      return;
    }
    start(view);
  }

  private void start(JobView view) {
    running.add(view.id());
    perAccount.merge(view.accountId(), 1, Integer::sum);
    runner.run(view).onComplete(done -> finished(view, done.succeeded() && done.result()));
  }

  private void finished(JobView view, boolean answered) {
    running.remove(view.id());
    perAccount.computeIfPresent(view.accountId(), (a, n) -> n > 1 ? n - 1 : null);
    JobView current = queue.view(view.id());
    if (current != null) {
      queue.schedule(current.id(), answered ? settled(current) : retryAt(current));
    }
    pump();
    arm();
  }

  private long settled(JobView view) {
    backoffs.remove(view.id());
    return wakeAt(view);
  }

  private long retryAt(JobView view) {
    Backoff previous = backoffs.get(view.id());
    int failures =
        previous != null && previous.version() == view.version() ? previous.failures() + 1 : 1;
    long wait = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS << Math.min(failures - 1, 5));
    Backoff backoff = new Backoff(view.version(), failures, System.currentTimeMillis() + wait);
    backoffs.put(view.id(), backoff);
    return heldBack(view, wakeAt(view));
  }

  /** A job whose claim failed waits out its back-off, unless it has changed since. */
  private long heldBack(JobView view, long at) {
    Backoff backoff = backoffs.get(view.id());
    if (backoff == null || at == DueQueue.NEVER) {
      return at;
    }
    if (backoff.version() != view.version()) {
      backoffs.remove(view.id());
      return at;
    }
    return Math.max(at, backoff.notBefore());
  }

  /** Failed claims in a row of one version of a job, and the earliest time to try again. */
  private record Backoff(long version, int failures, long notBefore) {}
}
