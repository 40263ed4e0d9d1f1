package com.apisec.gateway.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DueQueueTest {
  @Test
  void pollReady_manyJobsOfOneAccount_accountsTakeTurns() {
    DueQueue queue = new DueQueue();
    for (int i = 0; i < 5; i++) {
      add(queue, view("a" + i, 1, 1), 100);
    }
    add(queue, view("b0", 2, 1), 100);
    add(queue, view("c0", 3, 1), 100);

    queue.promote(100);
    List<Long> accounts = new ArrayList<>();
    for (JobView next = queue.pollReady(a -> true);
        next != null;
        next = queue.pollReady(a -> true)) {
      accounts.add(next.accountId());
    }

    assertEquals(List.of(1L, 2L, 3L), accounts.subList(0, 3));
    assertEquals(7, accounts.size());
  }

  @Test
  void pollReady_accountWithoutRoom_isSkippedNotDropped() {
    DueQueue queue = new DueQueue();
    add(queue, view("a0", 1, 1), 100);
    add(queue, view("b0", 2, 1), 100);
    queue.promote(100);

    JobView first = queue.pollReady(account -> account != 1);
    JobView none = queue.pollReady(account -> account != 1);
    JobView later = queue.pollReady(account -> true);

    assertEquals("b0", first.id());
    assertNull(none);
    assertEquals("a0", later.id());
  }

  @Test
  void put_olderVersion_isIgnored() {
    DueQueue queue = new DueQueue();
    queue.put(view("j", 1, 5));

    boolean kept = queue.put(view("j", 1, 4));

    assertFalse(kept);
    assertEquals(5, queue.view("j").version());
  }

  @Test
  void promote_onlyDueJobs_leavesLaterOnesOnTheTimeline() {
    DueQueue queue = new DueQueue();
    add(queue, view("early", 1, 1), 100);
    add(queue, view("late", 1, 1), 500);

    queue.promote(200);

    assertEquals(1, queue.readyCount());
    assertEquals(500, queue.nextWake());
  }

  private static void add(DueQueue queue, JobView view, long at) {
    queue.put(view);
    queue.schedule(view.id(), at);
  }

  private static JobView view(String id, long account, long version) {
    return new JobView(id, account, "probe", version, true, 100, 1000, null, null, null, null, 0);
  }
}
