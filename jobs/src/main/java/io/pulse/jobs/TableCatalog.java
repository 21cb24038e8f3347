package io.pulse.jobs;

import io.pulse.common.job.JobRuns;
import io.pulse.common.table.TableDef;
import io.pulse.jobs.alerts.AlertsTables;
import io.pulse.jobs.backtest.BacktestTables;
import io.pulse.jobs.cohorts.CohortsTables;
import io.pulse.jobs.engagement.EngagementTables;
import io.pulse.jobs.experience.ExperienceTables;
import io.pulse.jobs.health.HealthTables;
import io.pulse.jobs.ingest.IngestFiles;
import io.pulse.jobs.ingest.LandingSource;
import io.pulse.jobs.ingest.LandingSources;
import io.pulse.jobs.revenue.RevenueTables;
import io.pulse.jobs.silver.ChangedDates;
import io.pulse.jobs.silver.Reconciliation;
import io.pulse.jobs.silver.SilverEntities;
import io.pulse.jobs.silver.SilverEntity;
import io.pulse.jobs.support.SupportTables;
import io.pulse.jobs.usage.UsageTables;
import java.util.ArrayList;
import java.util.List;

/**
 * Every table the Pulse jobs write, in docs order: bronze, silver (each entity, then its
 * quarantine), gold, ops. docs/tables.md is rendered from this list ({@code pulse docs-tables}); a
 * job that writes a new table adds its {@link TableDef} here.
 */
public final class TableCatalog {
  private TableCatalog() {}

  public static List<TableDef> all() {
    List<TableDef> tables = new ArrayList<>();
    for (LandingSource source : LandingSources.ALL) {
      tables.add(source.bronzeTable());
    }
    for (SilverEntity entity : SilverEntities.ALL) {
      tables.add(entity.table());
      tables.add(entity.quarantineTable());
    }
    tables.addAll(
        List.of(
            // gold: accounts and revenue
            RevenueTables.DIM_ACCOUNT,
            RevenueTables.DIM_PLAN,
            RevenueTables.SUBSCRIPTION_VERSION,
            RevenueTables.MRR_DAILY,
            RevenueTables.MRR_MONTHLY,
            RevenueTables.KPI_MONTHLY,
            RevenueTables.QUARANTINE,
            // gold: usage
            UsageTables.ACCOUNT_USAGE_DAILY,
            UsageTables.SUCCESS_GOAL_DAILY,
            // gold: cohorts
            CohortsTables.REVENUE_COHORTS,
            CohortsTables.USAGE_COHORTS,
            // gold: experience
            ExperienceTables.SURVEY_RESPONSE,
            ExperienceTables.ACCOUNT_EXPERIENCE_DAILY,
            ExperienceTables.EXPERIENCE_DAILY,
            // gold: support
            SupportTables.FCT_TICKET,
            SupportTables.AGG_SUPPORT_DAILY,
            // gold: engagement and onboarding
            EngagementTables.TOUCHPOINT,
            EngagementTables.STAKEHOLDER_DAILY,
            EngagementTables.ONBOARDING_MILESTONES,
            EngagementTables.RETENTION_BY_ONBOARDING,
            // gold: health
            HealthTables.ACCOUNT_HEALTH_DAILY,
            HealthTables.ACCOUNT_HEALTH_INPUTS_DAILY,
            HealthTables.HEALTH_OVERRIDES,
            // gold: alerts
            AlertsTables.ACCOUNT_ALERTS,
            // gold: health backtest
            BacktestTables.HEALTH_BACKTEST,
            // ops
            JobRuns.TABLE,
            IngestFiles.TABLE,
            Reconciliation.TABLE,
            ChangedDates.TABLE));
    return List.copyOf(tables);
  }
}
