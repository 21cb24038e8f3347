package io.pulse.bench;

import io.delta.tables.DeltaTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The Parquet files of a Delta table's current snapshot, for another engine to read. Only the Delta
 * log is read ({@code inputFiles()} plans the scan without reading data). A table with deletion
 * vectors or column mapping is refused: its Parquet files alone would not be the table.
 */
public final class SnapshotFiles {
  private SnapshotFiles() {}

  /**
   * The files and the partition columns (written in the paths, not in the files) with their DuckDB
   * types.
   */
  public record TableFiles(String location, List<String> files, Map<String, String> partitions) {}

  public static TableFiles of(SparkSession spark, String location) {
    if (!DeltaTable.isDeltaTable(spark, location)) {
      throw new IllegalStateException(location + " is no Delta table");
    }
    // One row of table metadata: its properties and partition columns.
    Row detail = DeltaTable.forPath(spark, location).detail().first();
    Map<String, String> properties = detail.getJavaMap(detail.fieldIndex("properties"));
    String mapping = properties.getOrDefault("delta.columnMapping.mode", "none");
    if (!"none".equals(mapping)) {
      throw new IllegalStateException(location + " uses column mapping " + mapping);
    }
    if ("true".equals(properties.get("delta.enableDeletionVectors"))) {
      throw new IllegalStateException(location + " may hold deletion vectors");
    }
    Dataset<Row> table = spark.read().format("delta").load(location);
    List<String> partitionColumns = detail.getList(detail.fieldIndex("partitionColumns"));
    Map<String, String> partitions = new LinkedHashMap<>();
    for (String name : partitionColumns) {
      StructField field = table.schema().apply(name);
      partitions.put(name, duckType(field.dataType()));
    }
    return new TableFiles(location, List.of(table.inputFiles()), partitions);
  }

  private static String duckType(DataType type) {
    if (type.equals(DataTypes.DateType)) {
      return "DATE";
    }
    if (type.equals(DataTypes.StringType)) {
      return "VARCHAR";
    }
    if (type.equals(DataTypes.IntegerType)) {
      return "INTEGER";
    }
    throw new IllegalStateException("no DuckDB type for partition column type " + type);
  }
}
