package io.pulse.jobs.alerts;

import static io.pulse.jobs.alerts.AlertsFixture.d;
import static io.pulse.jobs.alerts.AlertsFixture.frame;
import static io.pulse.jobs.alerts.AlertsFixture.row;
import static io.pulse.jobs.alerts.AlertsFixture.ts;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.job.JobResult;
import io.pulse.common.job.RunDates;
import io.pulse.common.table.TableDef;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.JobTestWarehouse;
import io.pulse.jobs.engagement.EngagementTables;
import io.pulse.jobs.experience.ExperienceTables;
import io.pulse.jobs.health.HealthTables;
import io.pulse.jobs.revenue.RevenueTables;
import io.pulse.jobs.silver.SilverEntities;
import io.pulse.jobs.support.SupportTables;
import io.pulse.jobs.usage.UsageTables;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alerts job on hand-made gold inputs and silver.invoices in a private warehouse, run for
 * 2026-03-10. Account A (smb now, mid_market before) goes yellow → red on 03-02 and stays red with
 * an annual renewal on 2026-05-15 (74 days away on 03-02), answers NPS 3 on 03-05, has invoice I1
 * due 02-01 unpaid as known on 03-10 (the version delivered 03-12, paid, is not seen), and its MAU
 * falls from 10 (02-05) to 5 (03-05) for one day. B has quiet inputs of every kind and no alert.
 */
@SparkTest
class AlertsJobTest {
  private static final LocalDate D = LocalDate.parse("2026-03-10");
  private static JobTestWarehouse warehouse;

  @BeforeAll
  static void writeInputs() {
    warehouse = new JobTestWarehouse("alerts-job");
    Object[][] health = new Object[11][];
    health[0] = row("A", d("2026-03-01"), 60, "yellow");
    for (int i = 2; i <= 10; i++) {
      health[i - 1] = row("A", d(String.format("2026-03-%02d", i)), 40, "red");
    }
    health[10] = row("B", d("2026-03-10"), 90, "green");
    save(
        HealthTables.ACCOUNT_HEALTH_DAILY,
        frame("account_id string, day date, health_score int, band string", health));
    save(
        UsageTables.ACCOUNT_USAGE_DAILY,
        frame(
            "account_id string, day date, mau long",
            row("A", d("2026-02-05"), 10L),
            row("A", d("2026-03-05"), 5L),
            row("A", d("2026-03-10"), 5L),
            row("B", d("2026-03-10"), 8L)));
    save(
        SupportTables.AGG_SUPPORT_DAILY,
        frame(
            "account_id string, day date, tickets_opened_7d long, tickets_opened_90d long",
            row("B", d("2026-03-10"), 1L, 5L)));
    save(
        EngagementTables.STAKEHOLDER_DAILY,
        frame(
            "account_id string, day date, champion_present boolean, champion_lost_date date",
            row("B", d("2026-03-10"), true, null)));
    save(
        ExperienceTables.SURVEY_RESPONSE,
        frame(
            "response_id string, account_id string, contact_id string, survey_type string,"
                + " score int, response_date date",
            row("R1", "A", "C1", "nps", 3, d("2026-03-05")),
            row("R2", "B", "C2", "nps", 10, d("2026-03-05"))),
        "response_date");
    warehouse.save(
        RevenueTables.SUBSCRIPTION_VERSION,
        frame(
            "subscription_id string, account_id string, interval_months int, is_trial boolean,"
                + " valid_from timestamp, valid_to timestamp",
            row("S1", "A", 12, false, ts("2025-05-15T10:00:00Z"), null)));
    warehouse.save(
        EngagementTables.ONBOARDING_MILESTONES,
        frame(
            "account_id string, first_paid_day date, events_cover_onboarding boolean,"
                + " first_value_event_date date",
            row("B", d("2026-01-01"), true, d("2026-01-10"))));
    warehouse.save(
        RevenueTables.DIM_ACCOUNT,
        frame(
            "account_id string, segment string, is_current boolean",
            row("A", "mid_market", false),
            row("A", "smb", true),
            row("B", "enterprise", true)));
    warehouse.save(
        SilverEntities.INVOICES.table(),
        frame(
            "invoice_id string, account_id string, status string, issued_at timestamp,"
                + " due_at timestamp, paid_at timestamp, _dt date",
            row(
                "I1",
                "A",
                "open",
                ts("2026-01-15T00:00:00Z"),
                ts("2026-02-01T00:00:00Z"),
                null,
                d("2026-01-15")),
            row(
                "I1",
                "A",
                "paid",
                ts("2026-01-15T00:00:00Z"),
                ts("2026-02-01T00:00:00Z"),
                ts("2026-03-11T09:00:00Z"),
                d("2026-03-12"))));
  }

  private static void save(TableDef table, Dataset<Row> rows) {
    save(table, rows, "day");
  }

  /** A month-partitioned input: its month column from its day column. */
  private static void save(TableDef table, Dataset<Row> rows, String dayColumn) {
    warehouse.save(table, rows.withColumn("month", trunc(col(dayColumn), "month")));
  }

  @AfterAll
  static void forgetGoldTables() {
    // The writer registered the table under its name; the shared metastore must not keep it.
    SparkTestSession.get().sql("DROP TABLE IF EXISTS gold." + AlertsTables.ACCOUNT_ALERTS.name());
  }

  @Test
  void writesOneRowPerAlertAndARerunGivesTheSameTable() {
    JobResult first = warehouse.run(new AlertsJob(), RunDates.of(D));
    assertEquals(5, first.counts("gold.account_alerts").rowsWritten());
    // Condition days up to D: band_fell and renewal_at_risk 03-02..03-10 (9 + 9), the detractor
    // 03-05..03-10 (6), the invoice 02-16..03-10 (23), the usage drop 03-05 (1).
    assertEquals(48, first.counts("gold.account_alerts").rowsRead());
    Dataset<Row> table = warehouse.read(AlertsTables.ACCOUNT_ALERTS);
    assertEquals(
        List.of(
            "A band_fell 2026-03-02..open high health_score=40.0 base=60.0 thr=null"
                + " | yellow -> red",
            "A detractor_response 2026-03-05..open high nps_score=3.0 base=null thr=6.0"
                + " | response R1 of contact C1 scored 3; detractor responses in the last 30"
                + " days: 1",
            "A payment_failed 2026-02-16..open medium days_overdue=15.0 base=null thr=14.0"
                + " | failing invoices: I1 (open, due 2026-02-01)",
            "A renewal_at_risk 2026-03-02..open medium days_to_renewal=74.0 base=null thr=90.0"
                + " | S1 renews on 2026-05-15; band red, health 40",
            "A usage_drop 2026-03-05..2026-03-06 high mau_change=-0.5 base=10.0 thr=-0.3"
                + " | mau 5 vs 10 on 2026-02-05"),
        lines(table));
    // Keys unique; every row with the account's current segment, the conf text and D.
    assertEquals(5, table.select("account_id", "alert_type", "opened_on").distinct().count());
    assertEquals(
        5,
        table
            .where(
                col("segment")
                    .equalTo("smb")
                    .and(col("as_of_date").equalTo(java.sql.Date.valueOf(D))))
            .count());
    AlertsSettings settings = AlertsFixture.DEFAULTS;
    for (Row r : table.collectAsList()) {
      AlertType type = AlertType.valueOf(r.<String>getAs("alert_type").toUpperCase());
      assertEquals(settings.recommendedActions().get(type), r.getAs("recommended_action"));
    }

    List<String> before = table.collectAsList().stream().map(Row::toString).sorted().toList();
    warehouse.run(new AlertsJob(), RunDates.of(D));
    assertEquals(
        before,
        warehouse.read(AlertsTables.ACCOUNT_ALERTS).collectAsList().stream()
            .map(Row::toString)
            .sorted()
            .toList());
  }

  @Test
  void brokenAlertRowsAreNamedByTheChecks() {
    warehouse.run(new AlertsJob(), RunDates.of(D));
    Dataset<Row> table = warehouse.read(AlertsTables.ACCOUNT_ALERTS);
    assertEquals(List.of(), AlertsChecks.violations(table));

    // the band_fell row twice (a duplicate key, and two open alerts of one type), and the
    // usage_drop row claiming to be open though it closed on 03-06
    Column usageDrop = col("alert_type").equalTo("usage_drop");
    Dataset<Row> broken =
        table
            .unionByName(table.where(col("alert_type").equalTo("band_fell")))
            .withColumn("is_open", when(usageDrop, lit(true)).otherwise(col("is_open")));
    assertEquals(
        List.of(
            "more than one row for account_id|alert_type|opened_on, 1 key: A|band_fell|2026-03-02",
            "closed_on not after opened_on, after as_of_date, or is_open wrong for"
                + " account_id|alert_type|opened_on, 1 key: A|usage_drop|2026-03-05",
            "more than one row for account_id|alert_type, 1 key: A|band_fell"),
        AlertsChecks.violations(broken));
  }

  private static List<String> lines(Dataset<Row> table) {
    return table.collectAsList().stream().map(AlertsFixture::line).sorted().toList();
  }
}
