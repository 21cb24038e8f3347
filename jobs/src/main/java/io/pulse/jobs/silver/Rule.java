package io.pulse.jobs.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;

/**
 * One validation rule as Spark columns: {@code violated} is true for a bad row (null counts as not
 * violated, so each rule only speaks about the values it can judge), {@code detail} says what was
 * wrong with the row's own values.
 */
public record Rule(QuarantineReason reason, Column violated, Column detail) {
  public static Rule of(QuarantineReason reason, Column violated, Column detail) {
    return new Rule(reason, coalesce(violated, lit(false)), detail);
  }

  /** {@code prefix + value + suffix}, with a null value shown as {@code null}. */
  public static Column detail(String prefix, Column value, String suffix) {
    return concat(lit(prefix), coalesce(value.cast("string"), lit("null")), lit(suffix));
  }
}
