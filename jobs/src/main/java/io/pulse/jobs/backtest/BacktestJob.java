package io.pulse.jobs.backtest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.pulse.common.error.CheckFailedException;
import io.pulse.common.error.InputMissingException;
import io.pulse.common.error.UsageException;
import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobResult;
import io.pulse.common.table.DayRange;
import io.pulse.jobs.health.HealthTables;
import io.pulse.jobs.revenue.RevenueTables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes gold.health_backtest for the month ends in the run's range [start, end] (METRICS.md §10)
 * and prints it. Only month ends whose whole horizon (m, m + horizon] is within the revenue known
 * (the last day of gold.fct_mrr_daily) are tested; the others are named in the log and get no rows.
 * The rows of every month end in [start, end] are replaced, so a rerun gives the same table. Checks
 * run before the write; a failed check ends the run with exit 4, nothing written.
 */
public final class BacktestJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(BacktestJob.class);

  @Override
  public String name() {
    return "backtest";
  }

  @Override
  public String description() {
    return "Write gold.health_backtest for the month ends in the run's range and print it";
  }

  @Override
  public JobResult run(JobContext context) {
    int horizon = BacktestSettings.from(context.config().raw()).horizonDays();
    LocalDate start = context.dates().start();
    LocalDate end = context.dates().end();
    List<LocalDate> monthEnds = MonthEnds.in(start, end);
    if (monthEnds.isEmpty()) {
      throw new UsageException("no month end in " + context.dates() + ": nothing to backtest");
    }
    Dataset<Row> mrrDaily = context.readRequired(RevenueTables.MRR_DAILY, "revenue");
    Dataset<Row> healthDaily = context.readRequired(HealthTables.ACCOUNT_HEALTH_DAILY, "health");
    LocalDate knownThrough = lastDay(mrrDaily);
    List<LocalDate> tested = MonthEnds.withHorizonKnown(monthEnds, knownThrough, horizon);
    if (tested.isEmpty()) {
      throw new UsageException(
          "no month end in "
              + context.dates()
              + " has its "
              + horizon
              + " days after it known: revenue (gold.fct_mrr_daily) ends on "
              + knownThrough
              + ", so the last month end to backtest is on or before "
              + knownThrough.minusDays(horizon));
    }
    if (tested.size() < monthEnds.size()) {
      LOG.warn(
          "backtest: month ends {} skipped: their {} days after are not all known (revenue ends"
              + " on {})",
          monthEnds.subList(tested.size(), monthEnds.size()),
          horizon,
          knownThrough);
    }
    LocalDate first = tested.get(0);
    LocalDate last = tested.get(tested.size() - 1);
    Dataset<Row> health =
        healthDaily
            .where(expr(DayRange.predicate(first, last)))
            .where(col("day").isin(tested.stream().map(Date::valueOf).toArray()));
    Dataset<Row> horizons =
        mrrDaily.where(expr(DayRange.predicate(first.plusDays(1), last.plusDays(horizon))));
    Dataset<Row> outcomes =
        ChurnOutcomes.of(health, horizons, horizon).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> rows =
        HealthBacktest.of(outcomes, "month_end")
            .withColumn("horizon_days", lit(horizon))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<String> problems = BacktestChecks.violations(rows);
      if (!problems.isEmpty()) {
        throw new CheckFailedException(
            "backtest checks failed, nothing published: " + String.join("; ", problems));
      }
      List<LocalDate> scored =
          rows.select("month_end").distinct().as(Encoders.DATE()).takeAsList(tested.size()).stream()
              .map(Date::toLocalDate)
              .sorted()
              .toList();
      if (scored.size() < tested.size()) {
        LOG.warn(
            "backtest: month ends {} have no health score in gold.account_health_daily; run"
                + " `pulse health` for them",
            tested.stream().filter(m -> !scored.contains(m)).toList());
      }
      print(rows, horizon, knownThrough);
      if (context.dryRun()) {
        LOG.info(
            "dry run: checks pass; would replace month ends {} .. {} in {}",
            start,
            end,
            BacktestTables.HEALTH_BACKTEST.name());
        return JobResult.builder(name()).build();
      }
      long read = outcomes.count();
      long written = rows.count();
      context.writer().replaceWhere(BacktestTables.HEALTH_BACKTEST, rows, monthEndsIn(start, end));
      LOG.info(
          "backtest {}: {} scored account-month ends of {} month ends read, {} rows written",
          context.dates(),
          read,
          scored.size(),
          written);
      return JobResult.builder(name())
          .table(context.qualifiedName(BacktestTables.HEALTH_BACKTEST), read, written, 0)
          .build();
    } finally {
      outcomes.unpersist();
      rows.unpersist();
    }
  }

  /** The rows of [start, end]: the skipped month ends of the range lose any rows they had. */
  static String monthEndsIn(LocalDate start, LocalDate end) {
    return "month_end >= DATE'" + start + "' AND month_end <= DATE'" + end + "'";
  }

  private static void print(Dataset<Row> rows, int horizon, LocalDate knownThrough) {
    Dataset<Row> lines = BacktestReport.lines(rows);
    System.out.println(
        "Health score backtest: churn = MRR 0 at the end of a day in the "
            + horizon
            + " days after the month end (revenue known through "
            + knownThrough
            + "); AUC of 100 − health score; churn rates per band and quadrant; the last line sums"
            + " the month ends (AUC: their mean)");
    // At most one line per month of the range, plus the pooled one.
    lines.show(Integer.MAX_VALUE, false);
  }

  /** The last day revenue is known for: fct_mrr_daily runs to the revenue job's run date. */
  private static LocalDate lastDay(Dataset<Row> mrrDaily) {
    Date last = mrrDaily.agg(max("day")).as(Encoders.DATE()).first();
    if (last == null) {
      throw new InputMissingException(
          "input missing: gold.fct_mrr_daily is empty; run `pulse revenue` first");
    }
    return last.toLocalDate();
  }
}
