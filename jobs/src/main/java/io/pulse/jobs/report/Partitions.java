package io.pulse.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;

/**
 * Predicates on the {@code month} partition column of the daily gold tables, added beside the
 * {@code day} predicates so a read touches only the window's partitions.
 */
final class Partitions {
  private Partitions() {}

  static Column months(LocalDate firstMonth, LocalDate lastMonth) {
    return col("month").between(lit(Date.valueOf(firstMonth)), lit(Date.valueOf(lastMonth)));
  }

  static Column monthOf(Date day) {
    LocalDate month = day.toLocalDate().withDayOfMonth(1);
    return months(month, month);
  }
}
