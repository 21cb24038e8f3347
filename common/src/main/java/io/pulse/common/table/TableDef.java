package io.pulse.common.table;

import java.util.List;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The one definition of a table: layer, name, comment, documented columns and partitioning. The
 * catalog registration, the written schema and the docs all come from it.
 */
public record TableDef(
    Layer layer, String name, String comment, List<ColumnDef> columns, List<String> partitionBy) {

  public TableDef {
    columns = List.copyOf(columns);
    partitionBy = List.copyOf(partitionBy);
    for (String p : partitionBy) {
      if (columns.stream().noneMatch(c -> c.name().equals(p))) {
        throw new IllegalArgumentException(name + ": partition column " + p + " is not a column");
      }
    }
  }

  /** The schema written to the table, with each column's comment in its metadata. */
  public StructType schema() {
    StructField[] fields =
        columns.stream()
            .map(
                c ->
                    new StructField(
                        c.name(),
                        c.type(),
                        true,
                        new MetadataBuilder().putString("comment", c.comment()).build()))
            .toArray(StructField[]::new);
    return new StructType(fields);
  }

  /** The column names in table order. */
  public List<String> columnNames() {
    return columns.stream().map(ColumnDef::name).toList();
  }
}
