package io.pulse.jobs.report;

import java.time.LocalDate;

/**
 * The period the report covers: the run date's month and the {@link #MONTHS} − 1 months before it,
 * days from the first of the first month through the run date.
 *
 * @param runDate D, the last day shown
 */
public record ReportWindow(LocalDate runDate) {
  /** Months on the trend charts and cohorts on the heatmaps (the issue asks for 12). */
  public static final int MONTHS = 12;

  /** First day of the run date's month. */
  public LocalDate lastMonth() {
    return runDate.withDayOfMonth(1);
  }

  /** First day of the first month shown. */
  public LocalDate firstMonth() {
    return lastMonth().minusMonths(MONTHS - 1);
  }
}
