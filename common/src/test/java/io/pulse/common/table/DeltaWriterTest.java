package io.pulse.common.table;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SparkTest
class DeltaWriterTest {
  private final SparkSession spark = SparkTestSession.get();
  private final TableResolver resolver = new TableResolver(SparkTestSession.config().warehouse());
  private final DeltaWriter writer = new DeltaWriter(spark, resolver);
  private TableDef table;

  @BeforeEach
  void newTable() {
    String name = "t_" + UUID.randomUUID().toString().replace("-", "");
    table =
        new TableDef(
            Layer.OPS,
            name,
            "A test table",
            List.of(
                new ColumnDef("day", StringType, "The day"),
                new ColumnDef("k", StringType, "The key"),
                new ColumnDef("v", IntegerType, "The value")),
            List.of("day"));
  }

  private Dataset<Row> rows(Object[]... rows) {
    return spark.createDataFrame(
        java.util.Arrays.stream(rows).map(RowFactory::create).toList(), table.schema());
  }

  private Dataset<Row> stored() {
    return spark.table(resolver.resolve(table).qualifiedName());
  }

  @Test
  void ensureTableRegistersCommentsInTheCatalog() {
    TableRef ref = writer.ensureTable(table);

    List<Row> described = spark.sql("DESCRIBE TABLE " + ref.qualifiedName()).takeAsList(3);
    assertEquals("The key", described.get(1).getString(2));
    Row comment =
        spark
            .sql("DESCRIBE TABLE EXTENDED " + ref.qualifiedName())
            .where("col_name = 'Comment'")
            .first();
    assertEquals("A test table", comment.getString(1));
  }

  @Test
  void replaceWhereReplacesOnlyTheGivenDayAndIsRepeatable() {
    writer.replaceWhere(
        table, rows(new Object[] {"d1", "a", 1}, new Object[] {"d1", "b", 2}), "day = 'd1'");
    writer.replaceWhere(table, rows(new Object[] {"d2", "a", 10}), "day = 'd2'");

    long written = writer.replaceWhere(table, rows(new Object[] {"d1", "a", 5}), "day = 'd1'");
    writer.replaceWhere(table, rows(new Object[] {"d1", "a", 5}), "day = 'd1'");

    assertEquals(1, written);
    Frames.assertSameRows(
        rows(new Object[] {"d1", "a", 5}, new Object[] {"d2", "a", 10}), stored());
  }

  @Test
  void replaceWhereRejectsRowsOutsideThePredicate() {
    assertThrows(
        Exception.class,
        () -> writer.replaceWhere(table, rows(new Object[] {"d2", "a", 1}), "day = 'd1'"));
  }

  @Test
  void aNoteIsStoredWithItsWriteAndClearedByTheNextWrite() {
    assertEquals(java.util.Optional.empty(), writer.lastNote(table), "no table yet");

    writer.overwrite(table, rows(new Object[] {"d1", "a", 1}), "as of d1");
    assertEquals(java.util.Optional.of("as of d1"), writer.lastNote(table));
    writer.replaceWhere(table, rows(new Object[] {"d2", "a", 2}), "day = 'd2'", "as of d2");
    assertEquals(java.util.Optional.of("as of d2"), writer.lastNote(table));

    writer.replaceWhere(table, rows(new Object[] {"d2", "a", 3}), "day = 'd2'");
    assertEquals(java.util.Optional.empty(), writer.lastNote(table));
  }

  @Test
  void mergeUpdatesMatchingKeysAndInsertsNewOnes() {
    writer.merge(
        table, rows(new Object[] {"d1", "a", 1}, new Object[] {"d1", "b", 2}), List.of("k"));

    long changed =
        writer.merge(
            table, rows(new Object[] {"d1", "b", 20}, new Object[] {"d1", "c", 3}), List.of("k"));

    assertEquals(2, changed);
    Frames.assertSameRows(
        rows(
            new Object[] {"d1", "a", 1}, new Object[] {"d1", "b", 20}, new Object[] {"d1", "c", 3}),
        stored());
  }

  @Test
  void appendOnceSkipsABatchAlreadyCommitted() {
    long first = writer.appendOnce(table, rows(new Object[] {"d1", "a", 1}), "batch-app", 7);
    long retried = writer.appendOnce(table, rows(new Object[] {"d1", "a", 1}), "batch-app", 7);
    long next = writer.appendOnce(table, rows(new Object[] {"d1", "b", 2}), "batch-app", 8);

    assertEquals(List.of(1L, 0L, 1L), List.of(first, retried, next));
    Frames.assertSameRows(rows(new Object[] {"d1", "a", 1}, new Object[] {"d1", "b", 2}), stored());
  }

  @Test
  void aColumnDeclaredLaterIsAddedToAnExistingTable() {
    writer.append(table, rows(new Object[] {"d1", "a", 1}));
    TableDef grown =
        new TableDef(
            table.layer(),
            table.name(),
            table.comment(),
            java.util.stream.Stream.concat(
                    table.columns().stream(),
                    java.util.stream.Stream.of(new ColumnDef("note", StringType, "A note")))
                .toList(),
            table.partitionBy());
    writer.append(
        grown,
        spark.createDataFrame(List.of(RowFactory.create("d2", "b", 2, "new")), grown.schema()));
    writer.replaceWhere(
        grown,
        spark.createDataFrame(List.of(RowFactory.create("d3", "c", 3, "again")), grown.schema()),
        "day = 'd3'");
    Frames.assertSameRows(
        spark.createDataFrame(
            List.of(
                RowFactory.create("d1", "a", 1, null),
                RowFactory.create("d2", "b", 2, "new"),
                RowFactory.create("d3", "c", 3, "again")),
            grown.schema()),
        stored());
  }

  @Test
  void aMonthPartitionIsGeneratedPrunedByTheDayAndCompactedOnceCrowded() {
    TableDef daily =
        new TableDef(
            Layer.OPS,
            table.name(),
            "A table appended to daily",
            List.of(
                new ColumnDef("_dt", DateType, "The day"),
                new ColumnDef("v", IntegerType, "The value"),
                ColumnDef.monthOf("_dt")),
            List.of(ColumnDef.MONTH),
            TableDef.OPTIMIZED_WRITES);
    // a backfill of December from three tasks writes one file
    writer.replaceWhere(
        daily,
        spark
            .sql("SELECT DATE'2024-12-01' + CAST(id AS INT) AS _dt, 0 AS v FROM range(31)")
            .repartition(3),
        "_dt <= DATE'2024-12-31'");
    for (int day = 1; day <= 3; day++) {
      Dataset<Row> one =
          spark.sql("SELECT DATE'2025-01-0" + day + "' AS _dt, " + day + " AS v").coalesce(1);
      writer.replaceWhere(daily, one, "_dt = DATE'2025-01-0" + day + "'");
    }
    writer.replaceWhere(
        daily, spark.sql("SELECT DATE'2025-02-01' AS _dt, 4 AS v"), "_dt = DATE'2025-02-01'");
    Dataset<Row> table = spark.read().format("delta").load(resolver.resolve(daily).location());

    // a filter on the day reads only its file (the files' _dt statistics)
    assertEquals(5, table.inputFiles().length);
    assertEquals(1, table.where("_dt = DATE'2025-01-02'").inputFiles().length);
    assertEquals(0, writer.compact(daily, 4));
    assertEquals(1, writer.compact(daily, 3));

    Dataset<Row> compacted = spark.read().format("delta").load(resolver.resolve(daily).location());
    assertEquals(3, compacted.inputFiles().length);
    assertEquals(
        List.of(
            "2025-01-01 1 2025-01-01",
            "2025-01-02 2 2025-01-01",
            "2025-01-03 3 2025-01-01",
            "2025-02-01 4 2025-02-01"),
        compacted.where("v > 0").orderBy("_dt").collectAsList().stream()
            .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2))
            .toList());
  }

  @Test
  void aCompactingWriterCompactsAfterTheWriteAndKeepsItsNote() {
    DeltaWriter compacting = new DeltaWriter(spark, resolver, 3);
    for (String day : List.of("d1", "d2")) {
      compacting.replaceWhere(table, rows(new Object[] {day, "a", 1}), "day = '" + day + "'");
    }
    assertEquals(2, stored().inputFiles().length);

    // two more writes into partition d1: its third file makes the writer compact it
    compacting.replaceWhere(table, rows(new Object[] {"d1", "b", 2}), "day = 'd1' AND k = 'b'");
    assertEquals(3, stored().inputFiles().length, "two files in d1, below three");
    long written =
        compacting.replaceWhere(
            table, rows(new Object[] {"d1", "c", 3}), "day = 'd1' AND k = 'c'", "as of d1");

    assertEquals(1, written);
    assertEquals(2, stored().inputFiles().length, "d1's three files compacted into one");
    assertEquals(Optional.of("as of d1"), compacting.lastNote(table));
    Frames.assertSameRows(
        rows(
            new Object[] {"d1", "a", 1},
            new Object[] {"d1", "b", 2},
            new Object[] {"d1", "c", 3},
            new Object[] {"d2", "a", 1}),
        stored());
  }
}
