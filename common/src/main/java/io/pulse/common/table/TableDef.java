package io.pulse.common.table;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The one definition of a table: layer, name, comment, documented columns, partitioning and Delta
 * table properties (sorted by key). The catalog registration, the written schema and the docs all
 * come from it.
 */
public record TableDef(
    Layer layer,
    String name,
    String comment,
    List<ColumnDef> columns,
    List<String> partitionBy,
    Map<String, String> properties) {

  /**
   * Delta's optimized writes: a write shuffles its rows by partition first, so it adds one file per
   * partition it writes rather than one per task and partition.
   */
  public static final Map<String, String> OPTIMIZED_WRITES =
      Map.of("delta.autoOptimize.optimizeWrite", "true");

  public TableDef(
      Layer layer, String name, String comment, List<ColumnDef> columns, List<String> partitionBy) {
    this(layer, name, comment, columns, partitionBy, Map.of());
  }

  public TableDef {
    columns = List.copyOf(columns);
    partitionBy = List.copyOf(partitionBy);
    // sorted, so the DDL and the docs list them in one stable order
    properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
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
