package io.pulse.jobs.cohorts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.pulse.common.error.CheckFailedException;
import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobResult;
import io.pulse.common.table.TableDef;
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
 * Rebuilds gold.cohort_retention_monthly and gold.usage_cohort_retention_monthly as of the run's
 * end D (METRICS.md §3, C1-C2): the revenue cohorts from gold.fct_mrr_monthly as the revenue job
 * published it (run it for D first: its D's month is MRR as of D), the usage cohorts from the CRM
 * versions and usage events delivered up to D. Both tables are small (cohorts × segments × months)
 * and replaced whole, so a rerun gives the same rows; checks run before either write (exit 4
 * otherwise, nothing written).
 */
public final class CohortsJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(CohortsJob.class);

  @Override
  public String name() {
    return "cohorts";
  }

  @Override
  public String description() {
    return "Rebuild gold.cohort_retention_monthly and gold.usage_cohort_retention_monthly as of D";
  }

  @Override
  public JobResult run(JobContext context) {
    LocalDate asOf = context.dates().end();
    Dataset<Row> mrrMonthly =
        context
            .readRequired(RevenueTables.MRR_MONTHLY, "revenue")
            .select("account_id", "month", "segment", "mrr");
    warnWhenNotAsOf(mrrMonthly, asOf);
    Dataset<Row> accountVersions =
        SilverInput.asOf(context, SilverEntities.ACCOUNTS, asOf)
            .select("account_id", "segment", "created_at", "updated_at");
    Dataset<Row> events =
        SilverInput.asOf(context, SilverEntities.USAGE_EVENTS, asOf)
            .select(col("account_id"), col(SilverEntity.EVENT_DATE).as("day"));
    // One scan of the events: the account-months are small and give the first usage day too.
    Dataset<Row> activeMonths =
        UsageCohorts.activeMonths(events, asOf).persist(StorageLevel.MEMORY_AND_DISK());
    Date first = activeMonths.agg(min("first_active_day")).first().getDate(0);
    LocalDate firstUsageDay = first == null ? null : first.toLocalDate();

    Dataset<Row> revenue =
        RevenueCohorts.of(mrrMonthly, asOf).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> usage =
        UsageCohorts.of(accountVersions, activeMonths, firstUsageDay, asOf)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<String> problems = new ArrayList<>(CohortsChecks.revenueViolations(revenue));
      problems.addAll(CohortsChecks.usageViolations(usage));
      if (!problems.isEmpty()) {
        throw new CheckFailedException(
            "cohorts checks failed, nothing published: " + String.join("; ", problems));
      }
      if (context.dryRun()) {
        LOG.info(
            "dry run: checks pass; would rebuild {} as of {}",
            CohortsTables.ALL.stream().map(TableDef::name).toList(),
            asOf);
        return JobResult.builder(name()).build();
      }
      long mrrRows = mrrMonthly.count();
      long accountMonths = activeMonths.count();
      long revenueRows = context.writer().overwrite(CohortsTables.REVENUE_COHORTS, revenue);
      long usageRows = context.writer().overwrite(CohortsTables.USAGE_COHORTS, usage);
      LOG.info(
          "cohorts as of {}: {} account-months of MRR and {} active account-months (usage data"
              + " from {}) read, {} revenue and {} usage cohort rows written",
          asOf,
          mrrRows,
          accountMonths,
          firstUsageDay,
          revenueRows,
          usageRows);
      return JobResult.builder(name())
          .table(context.qualifiedName(CohortsTables.REVENUE_COHORTS), mrrRows, revenueRows, 0)
          .table(context.qualifiedName(CohortsTables.USAGE_COHORTS), accountMonths, usageRows, 0)
          .build();
    } finally {
      activeMonths.unpersist();
      revenue.unpersist();
      usage.unpersist();
    }
  }

  /**
   * fct_mrr_monthly is the revenue job's as of its own run date; its last month is D's month only
   * when that date was in D's month (one scalar from a small table). A mismatch is logged, not
   * fatal: a business whose every account churned before D's month has no row there either.
   */
  private static void warnWhenNotAsOf(Dataset<Row> mrrMonthly, LocalDate asOf) {
    Date last = mrrMonthly.agg(max("month")).first().getDate(0);
    LocalDate runMonth = asOf.withDayOfMonth(1);
    if (last == null || !last.toLocalDate().equals(runMonth)) {
      LOG.warn(
          "gold.fct_mrr_monthly ends at {}, not at the run's month {}: run `pulse revenue"
              + " --run-date {}` first for cohorts as of {}",
          last,
          runMonth,
          asOf,
          asOf);
    }
  }
}
