package io.pulse.jobs.report;

import org.apache.spark.sql.Row;

/** Reading nullable cells of collected aggregate rows: null stays null (NA is never 0). */
final class Values {
  private Values() {}

  static Double doubleOrNull(Row row, int i) {
    return row.isNullAt(i) ? null : row.getDouble(i);
  }

  static Long longOrNull(Row row, int i) {
    return row.isNullAt(i) ? null : row.getLong(i);
  }

  static Integer intOrNull(Row row, int i) {
    return row.isNullAt(i) ? null : row.getInt(i);
  }
}
