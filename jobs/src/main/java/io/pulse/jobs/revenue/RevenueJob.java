package io.pulse.jobs.revenue;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.pulse.common.error.CheckFailedException;
import io.pulse.common.error.InputMissingException;
import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobResult;
import io.pulse.common.table.TableDef;
import io.pulse.common.table.TableRef;
import io.pulse.jobs.silver.SilverEntities;
import io.pulse.jobs.silver.SilverEntity;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the revenue marts as of the run date (the end of a range): subscription versions with
 * MRR, fct_mrr_monthly with movements, kpi_monthly. Checks run on the new tables before any is
 * written; a failed check ends the run with exit 4 and leaves the published tables as they were.
 */
public final class RevenueJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(RevenueJob.class);

  @Override
  public String name() {
    return "revenue";
  }

  @Override
  public String description() {
    return "Rebuild gold.fct_subscription_version, gold.fct_mrr_monthly and gold.kpi_monthly as of D";
  }

  @Override
  public JobResult run(JobContext context) {
    LocalDate runDate = context.dates().end();
    String reportingCurrency = context.config().raw().getString("pulse.revenue.reporting-currency");
    int ltvMonths = context.config().raw().getInt("pulse.revenue.ltv-months");
    Dataset<Row> subscriptions =
        latest(read(context, SilverEntities.SUBSCRIPTIONS), SilverEntities.SUBSCRIPTIONS);
    Dataset<Row> fxRates = read(context, SilverEntities.FX_RATES);
    Dataset<Row> accounts = read(context, SilverEntities.ACCOUNTS);

    Dataset<Row> versions =
        SubscriptionVersions.withMrr(subscriptions, fxRates, reportingCurrency)
            .where(
                col("valid_from")
                    .lt(lit(java.sql.Timestamp.valueOf(runDate.plusDays(1).atStartOfDay()))));
    Dataset<Row> priced = versions.where(col("mrr").isNotNull());
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
        MonthlyMrr.withMovements(MonthlyMrr.accountMonths(priced, runDate), accounts, runDate);
    Dataset<Row> kpis = KpiMonthly.of(monthly, ltvMonths);

    List<String> problems = RevenueChecks.violations(monthly, kpis);
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
        qualified(context, RevenueTables.SUBSCRIPTION_VERSION),
        read,
        context.writer().overwrite(RevenueTables.SUBSCRIPTION_VERSION, priced),
        quarantined);
    long monthRows = context.writer().overwrite(RevenueTables.MRR_MONTHLY, monthly);
    result.table(qualified(context, RevenueTables.MRR_MONTHLY), monthRows, monthRows, 0);
    long kpiRows = context.writer().overwrite(RevenueTables.KPI_MONTHLY, kpis);
    result.table(qualified(context, RevenueTables.KPI_MONTHLY), monthRows, kpiRows, 0);
    return result.build();
  }

  private static String qualified(JobContext context, TableDef def) {
    return context.tables().resolve(def).qualifiedName();
  }

  private static Dataset<Row> read(JobContext context, SilverEntity entity) {
    TableRef ref = context.tables().resolve(entity.table());
    if (!context.spark().catalog().tableExists(ref.qualifiedName())) {
      throw new InputMissingException(
          "input missing: " + ref + " does not exist; run `pulse bronze` and `pulse silver` first");
    }
    return context.spark().read().format("delta").load(ref.location());
  }

  /** The latest version of each key (by the version column, then delivery). */
  static Dataset<Row> latest(Dataset<Row> versions, SilverEntity entity) {
    return versions
        .withColumn("_rank", row_number().over(entity.newestFirst()))
        .where(col("_rank").equalTo(1))
        .drop("_rank");
  }
}
