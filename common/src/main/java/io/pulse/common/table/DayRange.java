package io.pulse.common.table;

import java.time.LocalDate;

/**
 * The replaceWhere predicate of a run's days [start, end] in a table partitioned by {@code month}
 * (the first day of its day's month): the month bounds let Delta prune partitions, the day bounds
 * say exactly which rows the run replaces.
 */
public final class DayRange {
  private DayRange() {}

  /** The rows whose {@code day} column lies in [start, end]. */
  public static String predicate(LocalDate start, LocalDate end) {
    return predicate("day", start, end);
  }

  /** The rows whose {@code dayColumn} lies in [start, end]. */
  public static String predicate(String dayColumn, LocalDate start, LocalDate end) {
    return "month >= DATE'"
        + start.withDayOfMonth(1)
        + "' AND month <= DATE'"
        + end.withDayOfMonth(1)
        + "' AND "
        + dayColumn
        + " >= DATE'"
        + start
        + "' AND "
        + dayColumn
        + " <= DATE'"
        + end
        + "'";
  }
}
