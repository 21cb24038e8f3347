package io.pulse.jobs.health;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.pulse.common.error.CheckFailedException;
import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobResult;
import io.pulse.common.table.DayRange;
import io.pulse.common.table.TableDef;
import io.pulse.jobs.engagement.EngagementTables;
import io.pulse.jobs.experience.ExperienceTables;
import io.pulse.jobs.revenue.RevenueTables;
import io.pulse.jobs.silver.LateEvents;
import io.pulse.jobs.silver.SilverEntities;
import io.pulse.jobs.support.SupportTables;
import io.pulse.jobs.usage.UsageTables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes gold.account_health_daily and gold.account_health_inputs_daily for the run's days [start,
 * end] (METRICS.md §7). The scorecard is read and checked first (exit 2 on a bad one). The scores
 * are computed from the gold signal tables for [start − 30, end], so that the trend has d−7 and
 * d−30 whatever the health table already holds, and only the rows of [start, end] are replaced: a
 * rerun of the same dates gives the same tables. The CSM overrides in force are put beside the
 * computed score. Checks run before the write; a failed check ends the run with exit 4 and leaves
 * the tables as they were.
 */
public final class HealthJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(HealthJob.class);

  /** The trend looks 30 days back (score_change_30d, contribution changes). */
  static final int LOOKBACK_DAYS = 30;

  @Override
  public String name() {
    return "health";
  }

  @Override
  public String description() {
    return "Write gold.account_health_daily and gold.account_health_inputs_daily for the run's"
        + " days";
  }

  @Override
  public JobResult run(JobContext given) {
    // the signal jobs recomputed the days late events changed: score those days again too
    JobContext context =
        LateEvents.widen(
            given, SilverEntities.USAGE_EVENTS, SilverEntities.SURVEYS, SilverEntities.ACTIVITIES);
    Scorecard scorecard = HealthSettings.from(context.config().raw()).scorecard();
    LocalDate start = context.dates().start();
    LocalDate end = context.dates().end();
    LocalDate from = start.minusDays(LOOKBACK_DAYS);

    AccountSignals.Sources sources =
        new AccountSignals.Sources(
            days(context, RevenueTables.MRR_DAILY, "revenue", from, end),
            context.readRequired(RevenueTables.DIM_ACCOUNT, "revenue"),
            days(context, UsageTables.ACCOUNT_USAGE_DAILY, "usage", from, end),
            days(context, UsageTables.SUCCESS_GOAL_DAILY, "usage", from, end),
            days(context, EngagementTables.STAKEHOLDER_DAILY, "engagement", from, end),
            days(context, ExperienceTables.ACCOUNT_EXPERIENCE_DAILY, "experience", from, end),
            days(context, SupportTables.AGG_SUPPORT_DAILY, "support", from, end));
    Dataset<Row> signals =
        AccountSignals.of(sources, from, end).persist(StorageLevel.MEMORY_AND_DISK());
    HealthScores scores = HealthScores.of(signals, scorecard);
    // The trend joins the scores with themselves twice: computed once.
    Dataset<Row> scored = scores.daily().persist(StorageLevel.MEMORY_AND_DISK());
    Column runDays = col("day").between(lit(Date.valueOf(start)), lit(Date.valueOf(end)));
    Dataset<Row> daily =
        ActiveOverrides.of(
                HealthTrend.of(scored).where(runDays),
                HealthOverrides.read(context.spark(), context.tables()))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> inputs = scores.inputs().where(runDays).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<String> problems = HealthChecks.violations(daily, inputs, scorecard.bands());
      if (!problems.isEmpty()) {
        throw new CheckFailedException(
            "health checks failed, nothing published: " + String.join("; ", problems));
      }
      if (context.dryRun()) {
        LOG.info(
            "dry run: checks pass; would replace {} .. {} in {} and {}",
            start,
            end,
            HealthTables.ACCOUNT_HEALTH_DAILY.name(),
            HealthTables.ACCOUNT_HEALTH_INPUTS_DAILY.name());
        return JobResult.builder(name()).build();
      }
      long read = signals.count();
      String days = DayRange.predicate(start, end);
      // Delta's numOutputRows also counts the other days' rows of rewritten files: count ours.
      long written = daily.count();
      context.writer().replaceWhere(HealthTables.ACCOUNT_HEALTH_DAILY, daily, days);
      long inputsWritten = inputs.count();
      context.writer().replaceWhere(HealthTables.ACCOUNT_HEALTH_INPUTS_DAILY, inputs, days);
      LOG.info(
          "health {}: {} signal rows of {} .. {} read, {} account-days and {} input rows written"
              + " (scorecard {})",
          context.dates(),
          read,
          from,
          end,
          written,
          inputsWritten,
          scorecard.version());
      return JobResult.builder(name())
          .table(context.qualifiedName(HealthTables.ACCOUNT_HEALTH_DAILY), read, written, 0)
          .table(
              context.qualifiedName(HealthTables.ACCOUNT_HEALTH_INPUTS_DAILY),
              read,
              inputsWritten,
              0)
          .build();
    } finally {
      signals.unpersist();
      scored.unpersist();
      daily.unpersist();
      inputs.unpersist();
    }
  }

  /** The rows of a month-partitioned gold input for [from, end]. */
  private static Dataset<Row> days(
      JobContext context, TableDef def, String job, LocalDate from, LocalDate end) {
    return context.readRequired(def, job).where(expr(DayRange.predicate(from, end)));
  }
}
