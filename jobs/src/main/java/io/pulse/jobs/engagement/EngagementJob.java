package io.pulse.jobs.engagement;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.pulse.common.error.CheckFailedException;
import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobResult;
import io.pulse.common.table.DayRange;
import io.pulse.jobs.silver.LateEvents;
import io.pulse.jobs.silver.SilverEntities;
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
 * Writes gold.fct_touchpoint (every activity dated up to the run's end E, as known at E, replacing
 * the rows dated up to E) and gold.agg_stakeholder_daily for the run's days [start, end] (replacing
 * only those days). Both read silver.activities (the latest delivery of each activity_id) and every
 * silver.contacts version, as delivered up to E (§11). Checks run before either write; a failed
 * check ends the run with exit 4 and leaves both tables as they were.
 */
public final class EngagementJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(EngagementJob.class);

  @Override
  public String name() {
    return "engagement";
  }

  @Override
  public String description() {
    return "Write gold.fct_touchpoint as of D and gold.agg_stakeholder_daily for the run's days";
  }

  @Override
  public JobResult run(JobContext given) {
    // events of earlier days in the run's deliveries: recompute from the earliest of them
    JobContext context = LateEvents.widen(given, SilverEntities.ACTIVITIES);
    LocalDate start = context.dates().start();
    LocalDate end = context.dates().end();
    EngagementSettings settings = EngagementSettings.from(context.config().raw());

    Dataset<Row> activities =
        SilverInput.latest(
                SilverInput.asOf(context, SilverEntities.ACTIVITIES, end),
                SilverEntities.ACTIVITIES)
            .select("activity_id", "account_id", "contact_id", "activity_type", "occurred_at");
    Dataset<Row> contacts =
        SilverInput.asOf(context, SilverEntities.CONTACTS, end)
            .select("contact_id", "account_id", "role", "is_champion", "is_active", "updated_at");

    // Activities dated after E (the future tolerance allows D + 1) belong to a later run.
    Dataset<Row> touchpoints =
        Touchpoints.of(activities, contacts, settings)
            .where(col("activity_date").leq(lit(Date.valueOf(end))))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> daily =
        StakeholderDaily.of(touchpoints, ContactChanges.of(contacts), settings, start, end)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<String> problems = new ArrayList<>(EngagementChecks.touchpointViolations(touchpoints));
      problems.addAll(EngagementChecks.stakeholderViolations(daily));
      if (!problems.isEmpty()) {
        throw new CheckFailedException(
            "engagement checks failed, nothing published: " + String.join("; ", problems));
      }
      if (context.dryRun()) {
        LOG.info(
            "dry run: checks pass; would replace {} through {} and {} .. {} in {}",
            EngagementTables.TOUCHPOINT.name(),
            end,
            start,
            end,
            EngagementTables.STAKEHOLDER_DAILY.name());
        return JobResult.builder(name()).build();
      }
      long touchpointRows = touchpoints.count();
      context
          .writer()
          .replaceWhere(EngagementTables.TOUCHPOINT, touchpoints, throughPredicate(end));
      // Delta's numOutputRows also counts the other days' rows of rewritten files: count ours.
      long dayRows = daily.count();
      context
          .writer()
          .replaceWhere(EngagementTables.STAKEHOLDER_DAILY, daily, DayRange.predicate(start, end));
      LOG.info(
          "engagement {}: {} touchpoints as of {}, {} account-days written",
          context.dates(),
          touchpointRows,
          end,
          dayRows);
      return JobResult.builder(name())
          .table(
              context.qualifiedName(EngagementTables.TOUCHPOINT), touchpointRows, touchpointRows, 0)
          .table(
              context.qualifiedName(EngagementTables.STAKEHOLDER_DAILY), touchpointRows, dayRows, 0)
          .build();
    } finally {
      touchpoints.unpersist();
      daily.unpersist();
    }
  }

  /**
   * Every touchpoint dated up to E: a run restates the activities it knows (late deliveries and
   * corrections of earlier days included) and leaves later days, written by later runs, alone.
   */
  static String throughPredicate(LocalDate end) {
    return "month <= DATE'" + end.withDayOfMonth(1) + "' AND activity_date <= DATE'" + end + "'";
  }
}
