package io.pulse.jobs.backtest;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** The month ends a backtest run covers, and which of them have their whole horizon known. */
final class MonthEnds {
  private MonthEnds() {}

  /** Every last day of a month within [start, end], in order. */
  static List<LocalDate> in(LocalDate start, LocalDate end) {
    List<LocalDate> ends = new ArrayList<>();
    LocalDate m = start.with(TemporalAdjusters.lastDayOfMonth());
    while (!m.isAfter(end)) {
      ends.add(m);
      m = m.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
    }
    return ends;
  }

  /**
   * The month ends whose horizon (m, m + horizonDays] lies within the revenue known through {@code
   * knownThrough}: for a later one an account paying today could still churn unseen.
   */
  static List<LocalDate> withHorizonKnown(
      List<LocalDate> monthEnds, LocalDate knownThrough, int horizonDays) {
    return monthEnds.stream().filter(m -> !m.plusDays(horizonDays).isAfter(knownThrough)).toList();
  }
}
