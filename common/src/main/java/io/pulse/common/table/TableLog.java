package io.pulse.common.table;

import static org.apache.spark.sql.functions.col;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaHistoryManager;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.delta.actions.CommitInfo;
import org.apache.spark.sql.delta.util.FileNames;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What a Delta table's log says about its commits and files, read on the driver wherever the log
 * allows: {@code DeltaTable.history} and Delta's file counts each run a Spark job per call, and the
 * writers ask after every write.
 */
public final class TableLog {
  private TableLog() {}

  /** One commit: its version, operation (WRITE, MERGE, OPTIMIZE…), metrics and user note. */
  public record Commit(
      long version, String operation, Map<String, String> metrics, Optional<String> note) {

    /** The metric as a number; 0 when the commit has none by that name. */
    public long metric(String name) {
      String value = metrics.get(name);
      return value == null ? 0 : Long.parseLong(value);
    }
  }

  /** The table's latest version; -1 when there is no Delta table at {@code location}. */
  public static long latestVersion(SparkSession spark, String location) {
    return snapshot(spark, location).version();
  }

  /**
   * The commit of {@code version}, a version of the table's log; empty for a negative version (no
   * table) or a commit without commit information.
   */
  public static Optional<Commit> at(SparkSession spark, String location, long version) {
    if (version < 0) {
      return Optional.empty();
    }
    DeltaLog log = DeltaLog.forTable(spark, location);
    Option<CommitInfo> info =
        DeltaHistoryManager.getCommitInfoOpt(
            log.store(),
            FileNames.unsafeDeltaFile(log.logPath(), version),
            log.newDeltaHadoopConf());
    if (info.isEmpty()) {
      return Optional.empty();
    }
    CommitInfo commit = info.get();
    Map<String, String> metrics =
        commit.operationMetrics().isEmpty()
            ? Map.of()
            : Map.copyOf(CollectionConverters.asJava(commit.operationMetrics().get()));
    return Optional.of(
        new Commit(
            version,
            commit.operation(),
            metrics,
            commit.userMetadata().isDefined()
                ? Optional.of(commit.userMetadata().get())
                : Optional.empty()));
  }

  /**
   * The number of data files in the table's latest version: from the checksum Delta writes with
   * each commit, else counted from the log (a Spark job). 0 when there is no table.
   */
  public static long numFiles(SparkSession spark, String location) {
    Snapshot snapshot = snapshot(spark, location);
    if (snapshot.version() < 0) {
      return 0;
    }
    return snapshot.checksumOpt().isDefined()
        ? snapshot.checksumOpt().get().numFiles()
        : snapshot.numOfFiles();
  }

  /**
   * The number of data files per value of partition column {@code column}: from the checksum, which
   * lists the files of a small table, else counted from the log (a Spark job, one row per value).
   */
  public static Map<String, Long> filesPerPartition(
      SparkSession spark, String location, String column) {
    Snapshot snapshot = snapshot(spark, location);
    if (snapshot.checksumOpt().isDefined() && snapshot.checksumOpt().get().allFiles().isDefined()) {
      return CollectionConverters.asJava(snapshot.checksumOpt().get().allFiles().get()).stream()
          .collect(
              Collectors.groupingBy(
                  file -> valueOrEmpty(file.partitionValues().getOrElse(column, () -> null)),
                  Collectors.counting()));
    }
    Map<String, Long> counts = new TreeMap<>();
    snapshot
        .allFiles()
        .groupBy(col("partitionValues").getItem(column).as("value"))
        .count()
        .collectAsList()
        .forEach(row -> counts.put(valueOrEmpty(row.getString(0)), row.getLong(1)));
    return counts;
  }

  /** A null partition value as the empty string, the key both counts use for it. */
  private static String valueOrEmpty(String value) {
    return value == null ? "" : value;
  }

  private static Snapshot snapshot(SparkSession spark, String location) {
    return DeltaLog.forTable(spark, location).update(false, Option.empty(), Option.empty());
  }

  /** The table's latest commit; empty when there is no Delta table at {@code location}. */
  public static Optional<Commit> latest(SparkSession spark, String location) {
    return at(spark, location, latestVersion(spark, location));
  }
}
