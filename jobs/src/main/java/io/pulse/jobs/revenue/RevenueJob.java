package io.pulse.jobs.revenue;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.pulse.common.error.CheckFailedException;
import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobResult;
import io.pulse.common.table.TableDef;
import io.pulse.common.table.TableRef;
import io.pulse.jobs.silver.SilverEntities;
import io.pulse.jobs.silver.SilverInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the revenue marts as of the run date (the end of a range): subscription versions with
 * MRR, fct_mrr_monthly with movements, fct_mrr_daily, kpi_monthly and dim_plan, and MERGEs
 * dim_account (SCD2). Checks run on the new tables before any is written; a failed check ends the
 * run with exit 4 and leaves the published tables as they were.
 */
public final class RevenueJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(RevenueJob.class);
  private static final StorageLevel CACHED = StorageLevel.MEMORY_AND_DISK();

  @Override
  public String name() {
    return "revenue";
  }

  @Override
  public String description() {
    return "Rebuild the gold revenue marts as of D: fct_subscription_version, fct_mrr_monthly,"
        + " fct_mrr_daily, kpi_monthly, dim_plan; MERGE dim_account (SCD2)";
  }

  @Override
  public JobResult run(JobContext context) {
    LocalDate runDate = context.dates().end();
    RevenueSettings settings = RevenueSettings.of(context.config().raw());
    Dataset<Row> subscriptions =
        SilverInput.latest(
            SilverInput.asOf(context, SilverEntities.SUBSCRIPTIONS, runDate),
            SilverEntities.SUBSCRIPTIONS);
    Dataset<Row> fxRates = SilverInput.asOf(context, SilverEntities.FX_RATES, runDate);
    Dataset<Row> accounts = SilverInput.asOf(context, SilverEntities.ACCOUNTS, runDate);
    Dataset<Row> plans = SilverInput.asOf(context, SilverEntities.PLANS, runDate);

    Dataset<Row> versions =
        SubscriptionVersions.withMrr(
                subscriptions, fxRates, settings.reportingCurrency(), settings.trialsAtList())
            .where(
                col("valid_from")
                    .lt(lit(java.sql.Timestamp.valueOf(runDate.plusDays(1).atStartOfDay()))));
    // Reused by several checks and writes: cached so each is computed once (unpersisted below).
    Dataset<Row> priced = versions.where(col("mrr").isNotNull()).persist(CACHED);
    Dataset<Row> unpriced =
        versions
            .where(col("mrr").isNull())
            .select(
                col("subscription_id"),
                col("valid_from"),
                col("currency"),
                lit("no_fx_rate").as("reason"),
                lit(context.runId()).as("run_id"));
    Dataset<Row> monthly =
        MonthlyMrr.withMovements(MonthlyMrr.accountMonths(priced, runDate), accounts, runDate)
            .persist(CACHED);
    Dataset<Row> kpis = KpiMonthly.of(monthly, settings.ltvMonths()).persist(CACHED);
    Dataset<Row> daily = DailyMrr.of(priced, runDate).persist(CACHED);
    Dataset<Row> dimAccount = DimAccount.of(accounts).persist(CACHED);
    Dataset<Row> dimPlan = DimPlan.of(plans);
    try {
      return checkAndWrite(
          context, subscriptions, unpriced, priced, monthly, kpis, daily, dimAccount, dimPlan);
    } finally {
      for (Dataset<Row> cached : List.of(priced, monthly, kpis, daily, dimAccount)) {
        cached.unpersist();
      }
    }
  }

  private JobResult checkAndWrite(
      JobContext context,
      Dataset<Row> subscriptions,
      Dataset<Row> unpriced,
      Dataset<Row> priced,
      Dataset<Row> monthly,
      Dataset<Row> kpis,
      Dataset<Row> daily,
      Dataset<Row> dimAccount,
      Dataset<Row> dimPlan) {
    LocalDate runDate = context.dates().end();

    List<String> problems = new ArrayList<>(RevenueChecks.violations(monthly, kpis));
    problems.addAll(RevenueChecks.dimAccountViolations(dimAccount));
    problems.addAll(RevenueChecks.dailyViolations(daily, monthly, runDate));
    if (!problems.isEmpty()) {
      throw new CheckFailedException(
          "revenue checks failed, nothing published: " + String.join("; ", problems));
    }
    if (context.dryRun()) {
      LOG.info(
          "dry run: checks pass; would rebuild {}",
          RevenueTables.ALL.stream().map(TableDef::name).toList());
      return JobResult.builder(name()).build();
    }
    long read = subscriptions.count();
    JobResult.Builder result = JobResult.builder(name());
    long quarantined = context.writer().overwrite(RevenueTables.QUARANTINE, unpriced);
    result.table(
        context.qualifiedName(RevenueTables.SUBSCRIPTION_VERSION),
        read,
        context.writer().overwrite(RevenueTables.SUBSCRIPTION_VERSION, priced),
        quarantined);
    long monthRows = context.writer().overwrite(RevenueTables.MRR_MONTHLY, monthly);
    result.table(context.qualifiedName(RevenueTables.MRR_MONTHLY), monthRows, monthRows, 0);
    long kpiRows = context.writer().overwrite(RevenueTables.KPI_MONTHLY, kpis);
    result.table(context.qualifiedName(RevenueTables.KPI_MONTHLY), monthRows, kpiRows, 0);
    long dayRows = context.writer().overwrite(RevenueTables.MRR_DAILY, daily);
    result.table(context.qualifiedName(RevenueTables.MRR_DAILY), dayRows, dayRows, 0);
    long planRows = context.writer().overwrite(RevenueTables.DIM_PLAN, dimPlan);
    result.table(context.qualifiedName(RevenueTables.DIM_PLAN), planRows, planRows, 0);
    // dim_account is MERGEd, not overwritten: an unchanged version keeps its files (see
    // DimAccount).
    TableRef dimRef = context.writer().ensureTable(RevenueTables.DIM_ACCOUNT);
    Map<String, Long> merged = DimAccount.merge(context.spark(), dimRef.location(), dimAccount);
    LOG.info("{}: MERGE {}", dimRef.qualifiedName(), merged);
    // Counts for dim_account: versions computed, and rows the MERGE inserted, updated or deleted.
    result.table(
        dimRef.qualifiedName(),
        dimAccount.count(),
        merged.get("inserted") + merged.get("updated") + merged.get("deleted"),
        0);
    return result.build();
  }
}
