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
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the revenue marts as of the run date (the end of a range): subscription versions with MRR,
 * fct_mrr_monthly with movements, fct_mrr_daily, kpi_monthly and dim_plan, and MERGEs dim_account
 * (SCD2). After a run for an earlier date with the same settings, fct_mrr_daily, fct_mrr_monthly
 * and kpi_monthly are replaced only from the first month the new deliveries can change ({@link
 * RevenueChanges}); otherwise every month is rebuilt. Checks run on the new rows before any is
 * written; a failed check ends the run with exit 4 and leaves the published tables as they were.
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
    return "Build the gold revenue marts as of D: fct_subscription_version, fct_mrr_monthly,"
        + " fct_mrr_daily, kpi_monthly (from the first month new deliveries change), dim_plan;"
        + " MERGE dim_account (SCD2)";
  }

  @Override
  public JobResult run(JobContext context) {
    LocalDate runDate = context.dates().end();
    RevenueSettings settings = RevenueSettings.of(context.config().raw());
    try (RevenueInputs inputs = RevenueInputs.read(context, runDate)) {
      return build(context, settings, inputs);
    }
  }

  private JobResult build(JobContext context, RevenueSettings settings, RevenueInputs inputs) {
    LocalDate runDate = context.dates().end();
    Dataset<Row> subscriptions =
        SilverInput.latest(inputs.versions(), SilverEntities.SUBSCRIPTIONS);
    Dataset<Row> fxRates = inputs.fxRates();
    Dataset<Row> accounts = inputs.accounts();
    Dataset<Row> plans = SilverInput.asOf(context, SilverEntities.PLANS, runDate);
    Optional<LocalDate> firstMonth = firstMonthToRecompute(context, settings, inputs);

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
    // The months before the first recomputed one depend on no new delivery: only the days are
    // costly enough to skip; the monthly tables need every month for prev_mrr and LTV anyway.
    Dataset<Row> daily =
        firstMonth
            .map(m -> DailyMrr.from(priced, m, runDate))
            .orElseGet(() -> DailyMrr.of(priced, runDate))
            .persist(CACHED);
    Dataset<Row> dimAccount = DimAccount.of(accounts).persist(CACHED);
    Dataset<Row> dimPlan = DimPlan.of(plans);
    try {
      return checkAndWrite(
          context,
          new RevenueAsOf(runDate, settings.mrrFingerprint()),
          firstMonth,
          subscriptions,
          unpriced,
          priced,
          monthly,
          kpis,
          daily,
          dimAccount,
          dimPlan);
    } finally {
      for (Dataset<Row> cached : List.of(priced, monthly, kpis, daily, dimAccount)) {
        cached.unpersist();
      }
    }
  }

  /**
   * The first month whose rows the deliveries since the published tables' date can change; empty
   * when every month is to be rebuilt: incremental runs switched off, no published state, other
   * settings, or a run date not after the published one (a rerun or an earlier date).
   */
  private static Optional<LocalDate> firstMonthToRecompute(
      JobContext context, RevenueSettings settings, RevenueInputs inputs) {
    LocalDate runDate = context.dates().end();
    Optional<RevenueAsOf> published =
        settings.incremental() ? RevenueAsOf.published(context.writer()) : Optional.empty();
    if (published.isEmpty()
        || !published.get().settings().equals(settings.mrrFingerprint())
        || !published.get().date().isBefore(runDate)) {
      LOG.info("revenue: rebuilding every month (published: {})", published);
      return Optional.empty();
    }
    LocalDate asOf = published.get().date();
    // one row: the earliest day changed by the deliveries after asOf
    Date changed =
        RevenueChanges.firstChangedDay(inputs.versions(), inputs.fxRates(), inputs.accounts(), asOf)
            .first()
            .getDate(0);
    LocalDate first = asOf.plusDays(1);
    if (changed != null && changed.toLocalDate().isBefore(first)) {
      first = changed.toLocalDate();
    }
    LocalDate month = first.withDayOfMonth(1);
    LOG.info(
        "revenue: tables published as of {}; first changed day {}: recomputing from {}",
        asOf,
        first,
        month);
    return Optional.of(month);
  }

  private JobResult checkAndWrite(
      JobContext context,
      RevenueAsOf state,
      Optional<LocalDate> firstMonth,
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
    // daily holds only the recomputed months; the earlier ones were checked when written
    Dataset<Row> recomputedMonths =
        firstMonth.map(m -> monthly.where(fromMonth(m))).orElse(monthly);
    problems.addAll(RevenueChecks.dailyViolations(daily, recomputedMonths, runDate));
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
    long monthRows = publish(context, RevenueTables.MRR_MONTHLY, monthly, firstMonth, state);
    result.table(context.qualifiedName(RevenueTables.MRR_MONTHLY), monthRows, monthRows, 0);
    long kpiRows = publish(context, RevenueTables.KPI_MONTHLY, kpis, firstMonth, state);
    result.table(context.qualifiedName(RevenueTables.KPI_MONTHLY), monthRows, kpiRows, 0);
    long dayRows = publish(context, RevenueTables.MRR_DAILY, daily, firstMonth, state);
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

  /**
   * Replaces {@code table}'s months from {@code firstMonth} on with those of {@code rows}, or the
   * whole table when there is none, noting {@code state} in the same commit.
   *
   * @return rows written
   */
  private static long publish(
      JobContext context,
      TableDef table,
      Dataset<Row> rows,
      Optional<LocalDate> firstMonth,
      RevenueAsOf state) {
    if (firstMonth.isEmpty()) {
      return context.writer().overwrite(table, rows, state.note());
    }
    LocalDate month = firstMonth.get();
    return context
        .writer()
        .replaceWhere(
            table, rows.where(fromMonth(month)), "month >= DATE'" + month + "'", state.note());
  }

  /** The rows of {@code month} and later. */
  private static Column fromMonth(LocalDate month) {
    return col("month").geq(lit(Date.valueOf(month)));
  }
}
