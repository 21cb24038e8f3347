package io.pulse.jobs.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pulse.common.config.PulseConfig;
import io.pulse.common.error.UsageException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which month ends a run covers, which have their horizon known, and the horizon setting. */
class MonthEndsTest {
  private static LocalDate d(String day) {
    return LocalDate.parse(day);
  }

  @Test
  void monthEndsWithinTheRangeInclusive() {
    assertEquals(
        List.of(d("2025-12-31"), d("2026-01-31"), d("2026-02-28")),
        MonthEnds.in(d("2025-12-31"), d("2026-03-30")));
    assertEquals(List.of(), MonthEnds.in(d("2026-03-01"), d("2026-03-30")));
    assertEquals(List.of(d("2024-02-29")), MonthEnds.in(d("2024-02-29"), d("2024-02-29")));
  }

  @Test
  void aMonthEndCountsWhenItsLastHorizonDayIsKnown() {
    List<LocalDate> ends = List.of(d("2026-01-31"), d("2026-02-28"), d("2026-03-31"));
    // Feb 28 + 90 = May 29: known through May 29 covers it, through May 28 does not.
    assertEquals(ends.subList(0, 2), MonthEnds.withHorizonKnown(ends, d("2026-05-29"), 90));
    assertEquals(ends.subList(0, 1), MonthEnds.withHorizonKnown(ends, d("2026-05-28"), 90));
  }

  @Test
  void horizonDefaultsToNinetyAndMustBePositive() {
    assertEquals(90, BacktestSettings.from(PulseConfig.of("local", Map.of()).raw()).horizonDays());
    assertEquals(
        30,
        BacktestSettings.from(
                PulseConfig.of("local", Map.of("pulse.backtest.horizon-days", "30")).raw())
            .horizonDays());
    assertThrows(
        UsageException.class,
        () ->
            BacktestSettings.from(
                PulseConfig.of("local", Map.of("pulse.backtest.horizon-days", "0")).raw()));
  }
}
