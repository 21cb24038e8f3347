package io.pulse.common.job;

import io.pulse.common.error.UsageException;
import java.time.LocalDate;
import java.util.List;

/** The inclusive range of run dates a job processes: one day, or a backfill range. */
public record RunDates(LocalDate start, LocalDate end) {
  public RunDates {
    if (end.isBefore(start)) {
      throw new UsageException("--end " + end + " is before --start " + start);
    }
  }

  public static RunDates of(LocalDate day) {
    return new RunDates(day, day);
  }

  /** Whether the range is a single run date rather than a backfill. */
  public boolean isOneDay() {
    return start.equals(end);
  }

  /** Every date from start to end, in order. */
  public List<LocalDate> days() {
    return start.datesUntil(end.plusDays(1)).toList();
  }

  @Override
  public String toString() {
    return isOneDay() ? start.toString() : start + ".." + end;
  }
}
