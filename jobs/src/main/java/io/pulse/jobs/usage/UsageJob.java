package io.pulse.jobs.usage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import io.pulse.common.error.CheckFailedException;
import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobResult;
import io.pulse.common.table.DayRange;
import io.pulse.common.table.TableDef;
import io.pulse.jobs.silver.LateEvents;
import io.pulse.jobs.silver.SilverEntities;
import io.pulse.jobs.silver.SilverEntity;
import io.pulse.jobs.silver.SilverInput;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes gold.fct_account_usage_daily and gold.fct_success_goal_daily for the run's days [start,
 * end]. It reads the events of the days the windows need ({@link AccountUsageDaily#lookbackDays}
 * before start, or from the earliest start_date of a goal running in the range, through end), the
 * subscriptions, plans and success-plan goals, each as delivered up to end (§11: a run for D sees
 * deliveries dt ≤ D, the latest version of each record), and replaces only the rows of [start,
 * end], so a rerun of the same dates gives the same table. Checks run before the write; a failed
 * check ends the run with exit 4 and leaves the table as it was.
 */
public final class UsageJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(UsageJob.class);

  @Override
  public String name() {
    return "usage";
  }

  @Override
  public String description() {
    return "Write gold.fct_account_usage_daily and gold.fct_success_goal_daily for the run's days";
  }

  @Override
  public JobResult run(JobContext given) {
    // events of earlier days in the run's deliveries: recompute from the earliest of them
    JobContext context = LateEvents.widen(given, SilverEntities.USAGE_EVENTS);
    LocalDate start = context.dates().start();
    LocalDate end = context.dates().end();
    UsageSettings settings = UsageSettings.from(context.config().raw());
    LocalDate first = AccountUsageDaily.firstNeededDay(start, settings);
    Date endDay = Date.valueOf(end);

    Dataset<Row> goals =
        SilverInput.latest(
                SilverInput.asOf(context, SilverEntities.SUCCESS_PLANS, end),
                SilverEntities.SUCCESS_PLANS)
            .select(
                "goal_id", "account_id", "value_event", "target_count", "start_date", "due_date");
    // Goals count events from their start_date, which may lie before the windows' first day: one
    // scalar from the (small) goals table bounds the one events scan of both tables.
    Date goalsFrom =
        SuccessGoalDaily.overlapping(goals, start, end).agg(min("start_date")).first().getDate(0);
    Date eventsFrom =
        goalsFrom == null || !goalsFrom.toLocalDate().isBefore(first)
            ? Date.valueOf(first)
            : goalsFrom;
    Dataset<Row> events =
        SilverInput.asOf(context, SilverEntities.USAGE_EVENTS, end)
            .where(col(SilverEntity.EVENT_DATE).between(lit(eventsFrom), lit(endDay)))
            .select(
                col("account_id"),
                col("user_id"),
                col("event_type"),
                col("feature"),
                col(SilverEntity.EVENT_DATE).as("day"));
    Dataset<Row> versions =
        SilverInput.latest(
                SilverInput.asOf(context, SilverEntities.SUBSCRIPTIONS, end),
                SilverEntities.SUBSCRIPTIONS)
            .select("account_id", "plan_id", "quantity", "valid_from", "valid_to");
    Dataset<Row> plans =
        SilverInput.latest(
                SilverInput.asOf(context, SilverEntities.PLANS, end), SilverEntities.PLANS)
            .select("plan_id", "is_per_seat");

    Dataset<Row> daily =
        AccountUsageDaily.of(events, versions, plans, settings, start, end)
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> goalDaily =
        SuccessGoalDaily.of(goals, events, start, end).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<String> problems = new ArrayList<>(UsageChecks.violations(daily));
      problems.addAll(UsageChecks.goalViolations(goalDaily));
      if (!problems.isEmpty()) {
        throw new CheckFailedException(
            "usage checks failed, nothing published: " + String.join("; ", problems));
      }
      if (context.dryRun()) {
        LOG.info(
            "dry run: checks pass; would replace {} .. {} in {}",
            start,
            end,
            UsageTables.ALL.stream().map(TableDef::name).toList());
        return JobResult.builder(name()).build();
      }
      long read = events.count();
      String days = DayRange.predicate(start, end);
      // Delta's numOutputRows also counts the other days' rows of rewritten files: count ours.
      long written = daily.count();
      context.writer().replaceWhere(UsageTables.ACCOUNT_USAGE_DAILY, daily, days);
      long goalsWritten = goalDaily.count();
      context.writer().replaceWhere(UsageTables.SUCCESS_GOAL_DAILY, goalDaily, days);
      LOG.info(
          "usage {}: {} events from {} read, {} account-days and {} goal-days written",
          context.dates(),
          read,
          eventsFrom,
          written,
          goalsWritten);
      return JobResult.builder(name())
          .table(context.qualifiedName(UsageTables.ACCOUNT_USAGE_DAILY), read, written, 0)
          .table(context.qualifiedName(UsageTables.SUCCESS_GOAL_DAILY), read, goalsWritten, 0)
          .build();
    } finally {
      daily.unpersist();
      goalDaily.unpersist();
    }
  }
}
