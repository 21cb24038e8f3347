package io.pulse.common.table;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.junit.jupiter.api.Test;

@SparkTest
class TableLogTest {
  private final SparkSession spark = SparkTestSession.get();
  private final TableResolver resolver = new TableResolver(SparkTestSession.config().warehouse());
  private final DeltaWriter writer = new DeltaWriter(spark, resolver);
  private final TableDef table =
      new TableDef(
          Layer.OPS,
          "t_" + UUID.randomUUID().toString().replace("-", ""),
          "A test table",
          List.of(
              new ColumnDef("day", StringType, "The day"),
              new ColumnDef("v", IntegerType, "The value")),
          List.of("day"));

  /** Three files: two in day d1, one in d2; the last write carries a note. */
  private String threeFiles() {
    for (String day : List.of("d1", "d1")) {
      writer.append(
          table, spark.createDataFrame(List.of(RowFactory.create(day, 1)), table.schema()));
    }
    writer.replaceWhere(
        table,
        // one task, so one file
        spark
            .createDataFrame(
                List.of(RowFactory.create("d2", 1), RowFactory.create("d2", 2)), table.schema())
            .coalesce(1),
        "day = 'd2'",
        "the note");
    return resolver.resolve(table).location();
  }

  @Test
  void theLatestCommitHasItsOperationMetricsAndNote() {
    String location = threeFiles();

    TableLog.Commit latest = TableLog.latest(spark, location).orElseThrow();

    assertEquals(TableLog.latestVersion(spark, location), latest.version());
    assertEquals("WRITE", latest.operation());
    assertEquals(2, latest.metric("numOutputRows"));
    assertEquals(0, latest.metric("noSuchMetric"));
    assertEquals(Optional.of("the note"), latest.note());
    assertEquals(Optional.empty(), TableLog.at(spark, location, latest.version() - 1).get().note());
  }

  @Test
  void filesAreCountedPerPartitionFromTheChecksumAndFromTheLog() throws Exception {
    String location = threeFiles();
    assertEquals(3, TableLog.numFiles(spark, location));
    assertEquals(Map.of("d1", 2L, "d2", 1L), TableLog.filesPerPartition(spark, location, "day"));

    // a log without checksums, such as another writer may leave: Delta counts the files itself
    try (var crcs = Files.list(Path.of(URI.create(location)).resolve("_delta_log"))) {
      for (Path crc : crcs.filter(p -> p.toString().endsWith(".crc")).toList()) {
        Files.delete(crc);
      }
    }
    DeltaLog.clearCache();
    assertEquals(3, TableLog.numFiles(spark, location));
    assertEquals(Map.of("d1", 2L, "d2", 1L), TableLog.filesPerPartition(spark, location, "day"));
  }

  @Test
  void aMissingTableHasNoCommitsAndNoFiles() {
    String location = resolver.resolve(table).location();

    assertEquals(-1, TableLog.latestVersion(spark, location));
    assertEquals(Optional.empty(), TableLog.latest(spark, location));
    assertEquals(0, TableLog.numFiles(spark, location));
  }
}
