package io.pulse.jobs.engagement;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import io.pulse.common.error.CheckFailedException;
import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobResult;
import io.pulse.jobs.revenue.RevenueTables;
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
 * Rebuilds gold.onboarding_milestones and gold.retention_by_onboarding as of the run's end E
 * (METRICS.md §9), from gold.fct_mrr_daily (the revenue job's output) and the value events of
 * silver.usage_events delivered up to E. Both tables are snapshots as of E, replaced whole; checks
 * run before either write (exit 4 otherwise, nothing written).
 */
public final class OnboardingJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(OnboardingJob.class);

  @Override
  public String name() {
    return "onboarding";
  }

  @Override
  public String description() {
    return "Rebuild gold.onboarding_milestones and gold.retention_by_onboarding as of D";
  }

  @Override
  public JobResult run(JobContext context) {
    LocalDate asOf = context.dates().end();
    OnboardingSettings settings = OnboardingSettings.from(context.config().raw());

    Dataset<Row> mrrDaily =
        context
            .readRequired(RevenueTables.MRR_DAILY, "revenue")
            .select("account_id", "day", "mrr")
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> allEvents = SilverInput.asOf(context, SilverEntities.USAGE_EVENTS, asOf);
    // One scalar: the first day usage data exists; accounts paying before it are not measurable.
    Date first = allEvents.agg(min(SilverEntity.EVENT_DATE)).first().getDate(0);
    LocalDate eventsFrom = first == null ? null : first.toLocalDate();
    Dataset<Row> events =
        allEvents
            .where(col("event_type").isin(settings.valueEvents().toArray()))
            .select(col("account_id"), col("event_type"), col(SilverEntity.EVENT_DATE).as("day"));

    Dataset<Row> milestones =
        OnboardingMilestones.of(mrrDaily, events, eventsFrom, settings, asOf)
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> retention =
        RetentionByOnboarding.of(milestones, mrrDaily, settings, asOf)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<String> problems =
          new ArrayList<>(EngagementChecks.milestoneViolations(milestones, settings));
      problems.addAll(EngagementChecks.retentionViolations(retention));
      if (!problems.isEmpty()) {
        throw new CheckFailedException(
            "onboarding checks failed, nothing published: " + String.join("; ", problems));
      }
      if (context.dryRun()) {
        LOG.info(
            "dry run: checks pass; would rebuild {} as of {}",
            EngagementTables.ONBOARDING.stream().map(t -> t.name()).toList(),
            asOf);
        return JobResult.builder(name()).build();
      }
      long read = mrrDaily.count();
      long accounts =
          context.writer().overwrite(EngagementTables.ONBOARDING_MILESTONES, milestones);
      long cohorts =
          context.writer().overwrite(EngagementTables.RETENTION_BY_ONBOARDING, retention);
      LOG.info(
          "onboarding as of {}: {} account-days of MRR read, {} paying accounts, {} retention rows",
          asOf,
          read,
          accounts,
          cohorts);
      return JobResult.builder(name())
          .table(context.qualifiedName(EngagementTables.ONBOARDING_MILESTONES), read, accounts, 0)
          .table(context.qualifiedName(EngagementTables.RETENTION_BY_ONBOARDING), read, cohorts, 0)
          .build();
    } finally {
      mrrDaily.unpersist();
      milestones.unpersist();
      retention.unpersist();
    }
  }
}
