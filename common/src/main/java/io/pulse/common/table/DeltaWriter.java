package io.pulse.common.table;

import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The write helpers every job uses. Each write is one Delta transaction, so a failed job never
 * leaves a half-written table, and each is safe to repeat: a rerun gives the same table.
 */
public final class DeltaWriter {
  private final SparkSession spark;
  private final TableResolver resolver;
  private final int compactMinFiles;

  /** A writer that never compacts. */
  public DeltaWriter(SparkSession spark, TableResolver resolver) {
    this(spark, resolver, 0);
  }

  /**
   * @param compactMinFiles after a {@link #replaceWhere}, each partition of the table holding this
   *     many files is compacted ({@link #compact}); 0 never compacts
   */
  public DeltaWriter(SparkSession spark, TableResolver resolver, int compactMinFiles) {
    this.spark = spark;
    this.resolver = resolver;
    this.compactMinFiles = compactMinFiles;
  }

  /**
   * Creates the table (and its layer's database) in the catalog if absent, with the table comment
   * and a comment on every column, and returns where it lives.
   */
  public TableRef ensureTable(TableDef def) {
    TableRef ref = resolver.resolve(def);
    // Checking first keeps the metastore from logging an error for every existing database.
    if (spark.catalog().tableExists(ref.qualifiedName())) {
      return ref;
    }
    ensureDatabase(def.layer());
    String columns =
        def.columns().stream()
            .map(
                c ->
                    "`"
                        + c.name()
                        + "` "
                        + c.type().sql()
                        + (c.generated() ? " GENERATED ALWAYS AS (" + c.generatedAs() + ")" : "")
                        + " COMMENT "
                        + quote(c.comment()))
            .collect(Collectors.joining(", "));
    String partitioning =
        def.partitionBy().isEmpty()
            ? ""
            : " PARTITIONED BY ("
                + def.partitionBy().stream()
                    .map(p -> "`" + p + "`")
                    .collect(Collectors.joining(", "))
                + ")";
    spark.sql(
        "CREATE TABLE IF NOT EXISTS "
            + ref.qualifiedName()
            + " ("
            + columns
            + ") USING DELTA"
            + partitioning
            + properties(def)
            + " LOCATION '"
            + ref.location()
            + "' COMMENT "
            + quote(def.comment()));
    return ref;
  }

  /**
   * One thread at a time: jobs write tables side by side, and the metastore logs an error for each
   * racing CREATE DATABASE IF NOT EXISTS that finds the database already made.
   */
  private void ensureDatabase(Layer layer) {
    synchronized (DeltaWriter.class) {
      if (!spark.catalog().databaseExists(layer.database())) {
        spark.sql(
            "CREATE DATABASE IF NOT EXISTS "
                + layer.database()
                + " LOCATION '"
                + resolver.databaseLocation(layer)
                + "'");
      }
    }
  }

  /**
   * Atomically replaces the rows matching {@code predicate} (a date or month range, say) with
   * {@code rows}; Delta rejects the commit if any new row falls outside the predicate. A table
   * replaced a day at a time gains a file per day in its partition, so crowded partitions are then
   * compacted (see the constructor).
   *
   * @return rows written
   */
  public long replaceWhere(TableDef def, Dataset<Row> rows, String predicate) {
    return replaceWhere(def, rows, predicate, null);
  }

  /**
   * As {@link #replaceWhere(TableDef, Dataset, String)}, with {@code note} stored in the commit
   * (Delta's {@code userMetadata}), so it is published atomically with the rows; {@link #lastNote}
   * reads it back.
   */
  public long replaceWhere(TableDef def, Dataset<Row> rows, String predicate, String note) {
    TableRef ref = ensureTable(def);
    writer(def, rows, note)
        .mode("overwrite")
        .option("replaceWhere", predicate)
        .save(ref.location());
    long written = lastCommitRows(ref, "numOutputRows");
    compact(def, compactMinFiles);
    return written;
  }

  /**
   * Upserts {@code rows} by {@code keys}: matching rows are updated, new ones inserted.
   *
   * @return rows inserted plus rows updated
   */
  public long merge(TableDef def, Dataset<Row> rows, List<String> keys) {
    TableRef ref = ensureTable(def);
    String condition =
        keys.stream()
            .map(k -> "t.`" + k + "` <=> s.`" + k + "`")
            .collect(Collectors.joining(" AND "));
    DeltaTable.forPath(spark, ref.location())
        .as("t")
        .merge(conform(def, rows).as("s"), condition)
        .whenMatched()
        .updateAll()
        .whenNotMatched()
        .insertAll()
        .execute();
    return lastCommitRows(ref, "numTargetRowsInserted")
        + lastCommitRows(ref, "numTargetRowsUpdated");
  }

  /**
   * Appends {@code rows} once per ({@code appId}, {@code version}): Delta skips a batch whose
   * version it has already committed for that application id, so a retried batch is not doubled.
   *
   * @return rows written, 0 when the batch had already been committed
   */
  public long appendOnce(TableDef def, Dataset<Row> rows, String appId, long version) {
    TableRef ref = ensureTable(def);
    long before = currentVersion(ref);
    writer(def, rows)
        .mode("append")
        .option("txnAppId", appId)
        .option("txnVersion", version)
        .save(ref.location());
    return currentVersion(ref) == before ? 0 : lastCommitRows(ref, "numOutputRows");
  }

  /**
   * Atomically replaces the whole table with {@code rows}: for marts rebuilt from their inputs.
   *
   * @return rows written
   */
  public long overwrite(TableDef def, Dataset<Row> rows) {
    return overwrite(def, rows, null);
  }

  /** As {@link #overwrite(TableDef, Dataset)}, with {@code note} stored in the commit. */
  public long overwrite(TableDef def, Dataset<Row> rows, String note) {
    TableRef ref = ensureTable(def);
    writer(def, rows, note).mode("overwrite").save(ref.location());
    return lastCommitRows(ref, "numOutputRows");
  }

  /**
   * The note of the table's latest write; empty when the table does not exist or that write has
   * none (any write without a note clears it). A compaction is not a write: it changes no rows.
   */
  public Optional<String> lastNote(TableDef def) {
    TableRef ref = resolver.resolve(def);
    long version = TableLog.latestVersion(spark, ref.location());
    Optional<TableLog.Commit> latest = TableLog.at(spark, ref.location(), version);
    // a write is followed by at most one compaction
    if (latest.isPresent() && latest.get().operation().equals("OPTIMIZE")) {
      latest = TableLog.at(spark, ref.location(), version - 1);
    }
    return latest.flatMap(TableLog.Commit::note);
  }

  /**
   * Compacts, with Delta's OPTIMIZE (one transaction, no change to the rows), each partition of the
   * table that holds at least {@code minFiles} files: a table appended to daily keeps a few files
   * per partition instead of one per day, and every later scan opens fewer. Counting the files
   * reads the table's log, not its data ({@link TableLog}). Does nothing for an unpartitioned table
   * or {@code minFiles < 2}.
   *
   * @return the partitions compacted
   */
  public int compact(TableDef def, int minFiles) {
    TableRef ref = resolver.resolve(def);
    // a missing table has 0 files
    if (def.partitionBy().size() != 1
        || minFiles < 2
        || TableLog.numFiles(spark, ref.location()) < minFiles) {
      return 0;
    }
    String column = def.partitionBy().get(0);
    Map<String, Long> filesPerPartition = TableLog.filesPerPartition(spark, ref.location(), column);
    List<String> crowded =
        filesPerPartition.entrySet().stream()
            .filter(e -> e.getValue() >= minFiles)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    if (!crowded.isEmpty()) {
      String values = crowded.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
      DeltaTable.forPath(spark, ref.location())
          .optimize()
          .where("`" + column + "` IN (" + values + ")")
          .executeCompaction();
    }
    return crowded.size();
  }

  /** Appends {@code rows} unconditionally: for logs of attempts, such as job runs. */
  public long append(TableDef def, Dataset<Row> rows) {
    TableRef ref = ensureTable(def);
    writer(def, rows).mode("append").save(ref.location());
    return lastCommitRows(ref, "numOutputRows");
  }

  /**
   * A Delta write of {@code rows} as {@code def}. A column declared since the table was created is
   * added to it (old rows read it as null), so a warehouse built by an older Pulse keeps working;
   * only declared columns are ever written.
   */
  private static DataFrameWriter<Row> writer(TableDef def, Dataset<Row> rows) {
    return writer(def, rows, null);
  }

  private static DataFrameWriter<Row> writer(TableDef def, Dataset<Row> rows, String note) {
    DataFrameWriter<Row> writer =
        conform(def, rows).write().format("delta").option("mergeSchema", "true");
    return note == null ? writer : writer.option("userMetadata", note);
  }

  /**
   * Selects exactly the declared columns in table order, so a stray column fails loudly; Delta
   * computes the generated ones.
   */
  private static Dataset<Row> conform(TableDef def, Dataset<Row> rows) {
    Column[] columns =
        def.columns().stream()
            .filter(c -> !c.generated())
            .map(c -> functions.col(c.name()))
            .toArray(Column[]::new);
    return rows.select(columns);
  }

  private long currentVersion(TableRef ref) {
    return TableLog.latestVersion(spark, ref.location());
  }

  private long lastCommitRows(TableRef ref, String metric) {
    return TableLog.latest(spark, ref.location()).map(c -> c.metric(metric)).orElse(0L);
  }

  private static String properties(TableDef def) {
    return def.properties().isEmpty()
        ? ""
        : " TBLPROPERTIES ("
            + def.properties().entrySet().stream()
                .map(p -> quote(p.getKey()) + " = " + quote(p.getValue()))
                .collect(Collectors.joining(", "))
            + ")";
  }

  private static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
