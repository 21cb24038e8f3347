package io.pulse.common.table;

import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaHistoryManager;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.CommitInfo;
import org.apache.spark.sql.delta.util.FileNames;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A Delta table's commits, read from its log on the driver. {@code DeltaTable.history} reads the
 * same commit files through a Spark job on every call, and the writers ask after every write.
 */
public final class CommitLog {
  private CommitLog() {}

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
    return DeltaLog.forTable(spark, location)
        .update(false, Option.empty(), Option.empty())
        .version();
  }

  /**
   * The commit of {@code version}, or empty when the table has no such version or it carries no
   * commit information.
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

  /** The table's latest commit; empty when there is no Delta table at {@code location}. */
  public static Optional<Commit> latest(SparkSession spark, String location) {
    return at(spark, location, latestVersion(spark, location));
  }
}
