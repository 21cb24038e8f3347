package io.pulse.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.trim;

import io.pulse.common.error.CheckFailedException;
import io.pulse.common.error.InputMissingException;
import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobResult;
import io.pulse.common.job.ParallelTasks;
import io.pulse.common.job.RunDates;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import io.pulse.common.table.TableRef;
import io.pulse.jobs.ingest.LandingSource;
import io.pulse.jobs.ingest.LandingSources;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Types and validates the bronze deliveries of the run dates into {@code silver.<entity>} and
 * {@code silver.<entity>_quarantine}, replacing those delivery dates in both, and keeps a {@code
 * silver.<entity>_current} view with the latest version per key. Per entity: bronze rows = accepted
 * + quarantined + duplicates, logged and recorded in the job result.
 */
public final class SilverJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(SilverJob.class);

  @Override
  public String name() {
    return "silver";
  }

  @Override
  public String description() {
    return "Type, validate and deduplicate bronze into silver.<entity>; bad rows to silver.<entity>_quarantine";
  }

  @Override
  public JobResult run(JobContext context) {
    SilverSettings settings = SilverSettings.of(context.config().raw());
    String deliveries =
        "_dt >= DATE'"
            + context.dates().start()
            + "' AND _dt <= DATE'"
            + context.dates().end()
            + "'";
    // Every entity that checks accounts joins this; computing it once saves a scan of bronze each.
    Dataset<Row> knownAccounts = knownAccounts(context).persist(StorageLevel.MEMORY_AND_DISK());
    List<ParallelTasks.Outcome<EntityRun>> outcomes;
    try {
      outcomes =
          ParallelTasks.run(
              SilverEntities.ALL,
              settings.parallelism(),
              entity -> transform(context, settings, entity, deliveries, knownAccounts));
    } finally {
      knownAccounts.unpersist();
    }
    List<EntityRun> published =
        outcomes.stream()
            .filter(o -> !o.failed() && o.value() != null)
            .map(ParallelTasks.Outcome::value)
            .toList();
    if (!context.dryRun()) {
      record(context, published);
    }
    ParallelTasks.rethrowFirstFailure(outcomes);
    if (published.isEmpty()) {
      throw new InputMissingException("input missing: no bronze tables; run `pulse bronze` first");
    }
    JobResult.Builder result = JobResult.builder(name());
    if (!context.dryRun()) {
      for (EntityRun run : published) {
        result.table(
            run.silverTable(),
            total(run.balance(), "bronze_rows"),
            total(run.balance(), "accepted_rows"),
            total(run.balance(), "quarantined_rows"));
      }
    }
    return result.build();
  }

  /**
   * What one entity's run published: its reconciliation rows and the event dates it wrote, which
   * the job records for all entities at once (one commit each instead of one per entity).
   */
  private record EntityRun(
      String entity, String silverTable, List<Row> balance, List<Row> changedDates) {}

  /**
   * Types, checks and publishes one entity's deliveries; null when it has no bronze table yet. The
   * typed rows are cached, since the deduplication reads them several times, and so are their
   * outcomes, which the reconciliation, both writes and the changed dates read.
   */
  private static EntityRun transform(
      JobContext context,
      SilverSettings settings,
      SilverEntity entity,
      String deliveries,
      Dataset<Row> knownAccounts) {
    SparkSession spark = context.spark();
    TableRef bronzeRef = context.tables().resolve(entity.source().bronzeTable());
    if (!spark.catalog().tableExists(bronzeRef.qualifiedName())) {
      LOG.info("{}: no bronze table yet", entity.name());
      return null;
    }
    Dataset<Row> bronze = spark.read().format("delta").load(bronzeRef.location()).where(deliveries);
    TableRef silverRef = context.writer().ensureTable(entity.table());
    Dataset<Row> existing =
        spark.read().format("delta").load(silverRef.location()).where("NOT (" + deliveries + ")");
    if (context.dryRun()) {
      LOG.info("dry run: would replace {} of {} and its quarantine", deliveries, silverRef);
      return new EntityRun(entity.name(), silverRef.qualifiedName(), List.of(), List.of());
    }
    SilverTransform transform = new SilverTransform(entity, settings, context.dates().isOneDay());
    StorageLevel level = cacheLevel(context.dates());
    Dataset<Row> judged = transform.judge(bronze, knownAccounts).persist(level);
    Dataset<Row> marked = transform.mark(judged, existing).persist(level);
    try {
      return publish(context, entity, deliveries, bronze, transform.split(marked, context.runId()));
    } finally {
      marked.unpersist();
      judged.unpersist();
    }
  }

  /**
   * Where the judged and marked rows are cached. A backfill's cached partitions outgrow a small
   * heap's storage share, and holding each in memory before spilling it kept a 2 GiB driver in full
   * collections, so several delivery days go straight to disk. One day's rows fit in memory, which
   * spares the day rereading them from disk.
   */
  static StorageLevel cacheLevel(RunDates dates) {
    return dates.isOneDay() ? StorageLevel.MEMORY_AND_DISK() : StorageLevel.DISK_ONLY();
  }

  /**
   * Reconciles, lists the changed event dates, then writes the quarantine and last silver: writing
   * silver drops every cached plan that reads it, the marked rows' among them (they read the
   * earlier rows to deduplicate), so anything read after it would compute them again.
   */
  private static EntityRun publish(
      JobContext context,
      SilverEntity entity,
      String deliveries,
      Dataset<Row> bronze,
      SilverTransform.Outcome outcome) {
    SparkSession spark = context.spark();
    TableRef silverRef = context.tables().resolve(entity.table());
    List<Row> balance =
        Reconciliation.of(entity.name(), bronze, outcome.outcomes(), context.runId())
            .collectAsList();
    List<Row> unbalanced = balance.stream().filter(r -> !r.<Boolean>getAs("is_balanced")).toList();
    if (!unbalanced.isEmpty()) {
      throw new CheckFailedException(
          "silver."
              + entity.name()
              + " does not reconcile for delivery "
              + unbalanced.get(0).getAs("dt")
              + ": "
              + unbalanced.get(0)
              + "; nothing of it was published; see the logs");
    }
    // a few hundred dates at most: the days of the run's rows, not the rows
    List<Row> changedDates =
        entity.eventTime() == null
            ? List.of()
            : ChangedDates.of(entity.name(), outcome.accepted(), context.runId(), Instant.now())
                .collectAsList();
    replace(
        context,
        entity.quarantineTable(),
        outcome.quarantined(),
        total(balance, "quarantined_rows"),
        deliveries);
    replace(
        context, entity.table(), outcome.accepted(), total(balance, "accepted_rows"), deliveries);
    createCurrentView(spark, entity, silverRef);
    // counted from the judged rows: a write's commit metrics are absent when it had nothing to add
    LOG.info(
        "{}: {} bronze rows = {} accepted + {} quarantined + {} duplicates",
        silverRef,
        total(balance, "bronze_rows"),
        total(balance, "accepted_rows"),
        total(balance, "quarantined_rows"),
        total(balance, "duplicate_rows"));
    return new EntityRun(entity.name(), silverRef.qualifiedName(), balance, changedDates);
  }

  /**
   * Replaces the deliveries' rows of {@code table} with {@code rows} ({@code count} of them),
   * unless there is nothing to add and nothing to take away: most days bring no rows to most
   * quarantine tables, and a write costs a commit, a snapshot and a shuffle even when empty.
   */
  private static void replace(
      JobContext context, TableDef table, Dataset<Row> rows, long count, String deliveries) {
    if (count == 0) {
      TableRef ref = context.writer().ensureTable(table);
      // Delta skips every file whose statistics rule out the deliveries, so this reads little
      if (context.spark().read().format("delta").load(ref.location()).where(deliveries).isEmpty()) {
        return;
      }
    }
    context.writer().replaceWhere(table, rows, deliveries);
  }

  /**
   * Replaces the run's dates of the published entities in ops.reconciliation and appends their
   * event dates to ops.changed_dates.
   */
  private static void record(JobContext context, List<EntityRun> published) {
    if (published.isEmpty()) {
      return;
    }
    SparkSession spark = context.spark();
    List<Row> balance = published.stream().flatMap(r -> r.balance().stream()).toList();
    String entities =
        published.stream().map(r -> "'" + r.entity() + "'").collect(Collectors.joining(", "));
    context
        .writer()
        .replaceWhere(
            Reconciliation.TABLE,
            spark.createDataFrame(balance, Reconciliation.TABLE.schema()),
            "entity IN ("
                + entities
                + ") AND dt >= DATE'"
                + context.dates().start()
                + "' AND dt <= DATE'"
                + context.dates().end()
                + "'");
    List<Row> changedDates = published.stream().flatMap(r -> r.changedDates().stream()).toList();
    if (!changedDates.isEmpty()) {
      context
          .writer()
          .append(
              ChangedDates.TABLE, spark.createDataFrame(changedDates, ChangedDates.TABLE.schema()));
    }
  }

  private static long total(List<Row> balance, String column) {
    return balance.stream().mapToLong(r -> r.<Long>getAs(column)).sum();
  }

  /** Rule L3: an account is known from the first delivery date that holds it. */
  private static Dataset<Row> knownAccounts(JobContext context) {
    LandingSource accounts = LandingSources.ACCOUNTS;
    TableRef ref = context.tables().resolve(accounts.bronzeTable());
    if (!context.spark().catalog().tableExists(ref.qualifiedName())) {
      return context
          .spark()
          .emptyDataFrame()
          .selectExpr("CAST(NULL AS STRING) AS account_id", "CAST(NULL AS DATE) AS _known_from")
          .limit(0);
    }
    return context
        .spark()
        .read()
        .format("delta")
        .load(ref.location())
        .where(col(LandingSource.CORRUPT_RECORD).isNull().and(trim(col("account_id")).notEqual("")))
        .groupBy(trim(col("account_id")).as("account_id"))
        .agg(min(col("_dt")).as("_known_from"));
  }

  /** {@code silver.<entity>_current}: the latest version of each key (for versioned entities). */
  private static void createCurrentView(SparkSession spark, SilverEntity entity, TableRef silver) {
    if (entity.version() == null) {
      return;
    }
    String key = entity.key().stream().map(k -> "`" + k + "`").collect(Collectors.joining(", "));
    spark.sql(
        "CREATE OR REPLACE VIEW "
            + Layer.SILVER.database()
            + "."
            + entity.name()
            + "_current"
            + " COMMENT 'Latest version of each "
            + entity.name()
            + " key (latest "
            + entity.version()
            + ")'"
            + " AS SELECT * EXCEPT (_version_rank) FROM (SELECT *, row_number() OVER (PARTITION BY "
            + key
            + " ORDER BY `"
            + entity.version()
            + "` DESC, _dt DESC, _source_file DESC, _row_number DESC) AS _version_rank"
            + " FROM "
            + silver.qualifiedName()
            + ") WHERE _version_rank = 1");
  }
}
