package io.pulse.common.table;

import static org.apache.spark.sql.types.DataTypes.DateType;

import org.apache.spark.sql.types.DataType;

/**
 * One documented column of a table: the comment goes to the catalog and docs/tables.md.
 *
 * @param generatedAs a Delta generation expression over other columns, or null: Delta computes the
 *     column on every write, and derives filters on it from filters on its source column
 */
public record ColumnDef(String name, DataType type, String comment, String generatedAs) {

  public ColumnDef(String name, DataType type, String comment) {
    this(name, type, comment, null);
  }

  /** The name of the month partition column of bronze and silver tables. */
  public static final String MONTH = "_month";

  /**
   * {@code _month}, the first day of {@code dateColumn}'s month. Partitioning by it keeps a table
   * to a few files a month, where a day partition made a file a day; a filter on the date column
   * prunes the months too, since Delta derives the month filter from it.
   */
  public static ColumnDef monthOf(String dateColumn) {
    return new ColumnDef(
        MONTH,
        DateType,
        "First day of the month of " + dateColumn + ": the partition",
        "trunc(" + dateColumn + ", 'MM')");
  }

  public boolean generated() {
    return generatedAs != null;
  }
}
