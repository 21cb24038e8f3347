package io.pulse.jobs.alerts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.pulse.common.error.CheckFailedException;
import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobResult;
import io.pulse.common.table.TableDef;
import io.pulse.jobs.engagement.EngagementTables;
import io.pulse.jobs.experience.ExperienceTables;
import io.pulse.jobs.health.HealthTables;
import io.pulse.jobs.revenue.RevenueTables;
import io.pulse.jobs.silver.SilverEntities;
import io.pulse.jobs.silver.SilverInput;
import io.pulse.jobs.support.SupportTables;
import io.pulse.jobs.usage.UsageTables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds gold.account_alerts as of the run's end D (METRICS.md §8). Every alert type's daily
 * condition is computed over the whole history of its inputs up to D (the gold tables of the usage,
 * support, health, engagement, onboarding, experience and revenue jobs, and silver.invoices as
 * delivered up to D), the runs of consecutive days become alerts, and the table is replaced whole:
 * a rerun gives the same table, and a daily run gives what a backfill to the same day gives. Checks
 * run before the write; a failed check ends the run with exit 4 and leaves the table as it was.
 */
public final class AlertsJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(AlertsJob.class);

  @Override
  public String name() {
    return "alerts";
  }

  @Override
  public String description() {
    return "Rebuild gold.account_alerts as of D from the history of the signal tables";
  }

  @Override
  public JobResult run(JobContext context) {
    LocalDate asOf = context.dates().end();
    AlertsSettings settings = AlertsSettings.from(context.config().raw());
    int longWindowDays = context.config().raw().getInt("pulse.support.long-window-days");

    Dataset<Row> health =
        upTo(context, HealthTables.ACCOUNT_HEALTH_DAILY, "health", "day", asOf)
            .select("account_id", "day", "health_score", "band")
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> invoices =
        SilverInput.latest(
                SilverInput.asOf(context, SilverEntities.INVOICES, asOf), SilverEntities.INVOICES)
            .select("invoice_id", "account_id", "status", "issued_at", "due_at", "paid_at");
    List<Dataset<Row>> conditions =
        List.of(
            SignalConditions.usageDrop(
                upTo(context, UsageTables.ACCOUNT_USAGE_DAILY, "usage", "day", asOf)
                    .select("account_id", "day", "mau"),
                settings),
            SignalConditions.ticketSpike(
                upTo(context, SupportTables.AGG_SUPPORT_DAILY, "support", "day", asOf),
                settings,
                longWindowDays),
            SignalConditions.bandFell(health),
            SignalConditions.renewalAtRisk(
                context.readRequired(RevenueTables.SUBSCRIPTION_VERSION, "revenue"),
                health,
                settings,
                asOf),
            EventConditions.championLeft(
                upTo(context, EngagementTables.STAKEHOLDER_DAILY, "engagement", "day", asOf),
                settings),
            EventConditions.detractorResponse(
                upTo(
                    context, ExperienceTables.SURVEY_RESPONSE, "experience", "response_date", asOf),
                settings),
            EventConditions.paymentFailed(invoices, settings, asOf),
            EventConditions.noFirstValue(
                context.readRequired(EngagementTables.ONBOARDING_MILESTONES, "onboarding"),
                settings,
                asOf));
    Dataset<Row> allConditions =
        conditions.stream()
            .reduce(Dataset::unionByName)
            .orElseThrow()
            .where(col("day").leq(lit(Date.valueOf(asOf))))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> alerts =
        AccountAlerts.of(
                allConditions,
                context.readRequired(RevenueTables.DIM_ACCOUNT, "revenue"),
                settings,
                asOf)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<String> problems = AlertsChecks.violations(alerts);
      if (!problems.isEmpty()) {
        throw new CheckFailedException(
            "alerts checks failed, nothing published: " + String.join("; ", problems));
      }
      if (context.dryRun()) {
        LOG.info(
            "dry run: checks pass; would rebuild {} as of {}",
            AlertsTables.ACCOUNT_ALERTS.name(),
            asOf);
        return JobResult.builder(name()).build();
      }
      // Rows read: the account-days on which some alert condition held.
      long conditionDays = allConditions.count();
      long written = alerts.count();
      long open = alerts.where(col("is_open")).count();
      context.writer().overwrite(AlertsTables.ACCOUNT_ALERTS, alerts);
      LOG.info(
          "alerts as of {}: {} condition days, {} alerts written, {} of them open",
          asOf,
          conditionDays,
          written,
          open);
      return JobResult.builder(name())
          .table(context.qualifiedName(AlertsTables.ACCOUNT_ALERTS), conditionDays, written, 0)
          .build();
    } finally {
      health.unpersist();
      allConditions.unpersist();
      alerts.unpersist();
    }
  }

  /** The rows of a gold input up to D: a rerun for an earlier D ignores later days. */
  private static Dataset<Row> upTo(
      JobContext context, TableDef def, String job, String dayColumn, LocalDate asOf) {
    return context.readRequired(def, job).where(col(dayColumn).leq(lit(Date.valueOf(asOf))));
  }
}
