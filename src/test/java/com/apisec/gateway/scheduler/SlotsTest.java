package com.apisec.gateway.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlotsTest {
  @Test
  void nextAfter_onTime_isOneIntervalLater() {
    long next = Slots.nextAfter(10_000, 1_000, 10_050);

    assertEquals(11_000, next);
  }

  @Test
  void nextAfter_tenSlotsLate_skipsToTheFirstSlotAfterNow() {
    long next = Slots.nextAfter(10_000, 1_000, 20_500);

    assertEquals(21_000, next);
    assertEquals(10, Slots.missed(10_000, 1_000, 20_500));
  }

  @Test
  void afterIntervalChange_longer_countsFromTheLatestSlot() {
    long next = Slots.afterIntervalChange(11_000, 1_000, 5_000, 10_200);

    assertEquals(15_000, next);
  }

  @Test
  void afterIntervalChange_shorterAndAlreadyPast_isDueNow() {
    long next = Slots.afterIntervalChange(70_000, 60_000, 1_000, 30_000);

    assertEquals(30_000, next);
  }

  @Test
  void atOrAfter_resumedLate_isTheNextSlotOnTheGrid() {
    assertEquals(13_000, Slots.atOrAfter(10_000, 1_000, 12_400));
    assertEquals(12_000, Slots.atOrAfter(10_000, 1_000, 12_000));
    assertEquals(10_000, Slots.atOrAfter(10_000, 1_000, 9_000));
  }
}
