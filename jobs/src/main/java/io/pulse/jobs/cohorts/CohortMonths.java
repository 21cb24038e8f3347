package io.pulse.jobs.cohorts;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** What the revenue and usage cohorts share: the months of a run, the segments, the offsets. */
final class CohortMonths {
  private CohortMonths() {}

  /** The segment value of the rows over every segment. */
  static final String ALL = "all";

  /** The first day of the run date's month, the last month a cohort is measured at. */
  static Column runMonth(LocalDate runDate) {
    return lit(Date.valueOf(runDate.withDayOfMonth(1)));
  }

  /**
   * The instant the end of {@code month} is judged at (R4, C1): the start of the next month, or for
   * the run date's month the start of the day after the run date.
   */
  static Column endOf(Column month, LocalDate runDate) {
    Timestamp afterRunDate =
        Timestamp.from(runDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    return when(month.equalTo(runMonth(runDate)), lit(afterRunDate))
        .otherwise(add_months(month, 1).cast("timestamp"));
  }

  /** Each member row twice: once in its own segment, once in {@link #ALL}. */
  static Dataset<Row> withAll(Dataset<Row> members) {
    return members.withColumn("segment", explode(array(col("segment"), lit(ALL))));
  }

  /**
   * One row per cohort cell and month from {@code cohort_month} to the run date's month, with the
   * offset, the day the month is measured through, and whether that is before the month's end.
   *
   * @param cells one row per {@code cohort_month, segment}, other columns kept
   */
  static Dataset<Row> offsets(Dataset<Row> cells, LocalDate runDate) {
    Column asOfDay =
        when(col("month").equalTo(runMonth(runDate)), lit(Date.valueOf(runDate)))
            .otherwise(last_day(col("month")));
    return cells
        .withColumn(
            "month",
            explode(sequence(col("cohort_month"), runMonth(runDate), expr("INTERVAL 1 MONTH"))))
        // Both are first days of months: the difference is a whole number.
        .withColumn("months_since", months_between(col("month"), col("cohort_month")).cast("int"))
        .withColumn("as_of_day", asOfDay)
        .withColumn("is_partial_month", col("as_of_day").lt(last_day(col("month"))));
  }

  /** {@code numerator / denominator} as a double; null when the denominator is 0 (§2). */
  static Column ratio(Column numerator, Column denominator) {
    return when(
        denominator.notEqual(0), numerator.cast("double").divide(denominator.cast("double")));
  }
}
