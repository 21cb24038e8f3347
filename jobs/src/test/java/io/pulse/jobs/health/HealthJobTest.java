package io.pulse.jobs.health;

import static io.pulse.jobs.health.HealthJobFixture.D;
import static io.pulse.jobs.health.HealthJobFixture.WEEK_BEFORE;
import static io.pulse.jobs.health.HealthJobFixture.date;
import static io.pulse.jobs.health.HealthJobFixture.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import io.pulse.common.config.PulseConfig;
import io.pulse.common.error.UsageException;
import io.pulse.common.job.JobResult;
import io.pulse.common.job.RunDates;
import io.pulse.common.table.DeltaWriter;
import io.pulse.common.table.TableDef;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.JobTestWarehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The health job on the gold tables of {@link HealthJobFixture} (default scorecard) in a private
 * warehouse, with three overrides: A's in force on D (set D−3, expiring D+9, after an earlier one
 * it replaced), B's expired the day before D, N's cleared the day before D.
 */
@SparkTest
class HealthJobTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final double EPS = 1e-9;
  private static final JobTestWarehouse warehouse = new JobTestWarehouse("health-job");
  private static final DeltaWriter writer = warehouse.writer();
  private static boolean clearedN;
  private static boolean clearedNAgain;
  private static boolean clearedC;

  @BeforeAll
  static void writeGoldAndOverrides() {
    for (Object[] table : HealthJobFixture.tables()) {
      @SuppressWarnings("unchecked")
      Dataset<Row> rows = (Dataset<Row>) table[1];
      warehouse.save((TableDef) table[0], rows);
    }
    LocalDate today = LocalDate.parse("2026-04-01");
    set("A", 10, "first guess", "2026-05-10", "2026-04-20T10:00:00Z", today);
    // Replaces A's first override: one per account.
    set("A", 80, "exec sponsor re-engaged", "2026-05-10", "2026-04-28T10:00:00Z", today);
    set("B", 70, "renewal signed", "2026-04-30", "2026-04-01T09:00:00Z", today);
    set("N", 40, "data gap", "2026-05-31", "2026-04-15T09:00:00Z", today);
    clearedN = clear("N", "2026-04-30T09:00:00Z");
    clearedNAgain = clear("N", "2026-04-30T10:00:00Z");
    clearedC = clear("C", "2026-04-30T10:00:00Z");
  }

  @AfterAll
  static void forgetGoldTables() {
    // The writer registered the tables under their names; the shared metastore must not keep them.
    for (TableDef table : HealthTables.ALL) {
      spark.sql("DROP TABLE IF EXISTS gold." + table.name());
    }
  }

  private static void set(
      String account, int score, String reason, String expires, String at, LocalDate today) {
    HealthOverrides.set(
        spark,
        writer,
        HealthOverrides.Request.of(account, score, reason, LocalDate.parse(expires), today),
        "csm-test",
        Instant.parse(at));
  }

  private static boolean clear(String account, String at) {
    return HealthOverrides.clear(spark, warehouse.tables(), writer, account, Instant.parse(at));
  }

  private static JobResult run(PulseConfig config, RunDates dates) {
    return warehouse.run(new HealthJob(), dates, config);
  }

  private static String location(TableDef table) {
    return warehouse.tables().resolve(table).location();
  }

  private static long version(TableDef table) {
    return DeltaTable.forPath(spark, location(table)).history(1).head().<Long>getAs("version");
  }

  private static Dataset<Row> asOf(TableDef table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(location(table));
  }

  @Test
  void scoresTrendOverridesAndARerunOfOneDayChangesNothing() {
    // D−7 .. D: A on D−7; A, B and N on D. The scores of D−37 .. D are computed for the trend.
    JobResult range = run(SparkTestSession.config(), new RunDates(WEEK_BEFORE, D));
    assertEquals(4, range.counts("gold.account_health_daily").rowsWritten());
    // A on D−7: utilization; A on D: the 12 scorecard inputs (not CES, stickiness); B: 3.
    assertEquals(16, range.counts("gold.account_health_inputs_daily").rowsWritten());

    Map<String, Row> daily = byKey(warehouse.read(HealthTables.ACCOUNT_HEALTH_DAILY));
    assertEquals(4, daily.size());

    // A on D: outcome (50 + 75 + 50 + 50) / 4 = 56.25; experience (60 + 57.5 + 70) / 3 = 62.5;
    // health 0.6 × 56.25 + 0.4 × 62.5 = 58.75 → 59: yellow, hollow experience (56.25 < 60 ≤ 62.5).
    Row a = daily.get("A@" + D);
    assertEquals("mid_market", a.getAs("segment"));
    assertEquals(50.0, a.<Double>getAs("deployment_score"), EPS);
    assertEquals(75.0, a.<Double>getAs("engagement_score"), EPS);
    assertEquals(50.0, a.<Double>getAs("adoption_score"), EPS);
    assertEquals(50.0, a.<Double>getAs("roi_score"), EPS);
    assertEquals(60.0, a.<Double>getAs("overall_experience_score"), EPS);
    // (2 × 50 + 50 + 80) / 4
    assertEquals(57.5, a.<Double>getAs("support_experience_score"), EPS);
    assertEquals(70.0, a.<Double>getAs("sentiment_score"), EPS);
    assertEquals(56.25, a.<Double>getAs("outcome_score"), EPS);
    assertEquals(62.5, a.<Double>getAs("experience_score"), EPS);
    assertEquals(59, a.<Integer>getAs("health_score"));
    assertEquals("yellow", a.getAs("band"));
    assertEquals("hollow_experience", a.getAs("quadrant"));
    // Last key-contact touch on D−37 > 30 stale days; the NPS and CSAT of D−61 are within 180, 90.
    assertTrue(a.<Boolean>getAs("engagement_is_stale"));
    assertFalse(a.<Boolean>getAs("overall_experience_is_stale"));
    assertFalse(a.<Boolean>getAs("support_experience_is_stale"));
    // 50 / 4 × 0.6
    assertEquals(7.5, a.<Double>getAs("deployment_contribution"), EPS);
    // Trend from the look-back: D−7 scored 100 (utilization 0.8), D−30 scored 0 (0.3).
    assertEquals(-41, a.<Integer>getAs("score_change_7d"));
    assertEquals(59, a.<Integer>getAs("score_change_30d"));
    assertEquals(7.5, a.<Double>getAs("deployment_contribution_change_30d"), EPS);
    assertNull(a.getAs("engagement_contribution_change_30d")); // NA on D−30
    // Set D−3, expiring D+9: shown beside the computed score, which stays 59.
    assertEquals(80, a.<Integer>getAs("override_score"));
    assertEquals("exec sponsor re-engaged", a.getAs("override_reason"));
    assertEquals(date("2026-05-10"), a.getAs("override_expires_on"));

    // A on D−7: utilization 0.8 alone → 100; D−14 and D−37 have no row; the override was set
    // after that day.
    Row aWeekBefore = daily.get("A@" + WEEK_BEFORE);
    assertEquals("smb", aWeekBefore.getAs("segment"));
    assertEquals(100, aWeekBefore.<Integer>getAs("health_score"));
    assertEquals("green", aWeekBefore.getAs("band"));
    assertNull(aWeekBefore.getAs("quadrant"));
    assertNull(aWeekBefore.getAs("score_change_7d"));
    assertNull(aWeekBefore.getAs("score_change_30d"));
    assertNull(aWeekBefore.getAs("override_score"));

    // B: usage only. Deployment 30, adoption (50 + 25) / 2 = 37.5 (MAU change NA): outcome 33.75,
    // the health score alone (experience NA) → 34, red, no quadrant. Its override expired on D−1.
    Row b = daily.get("B@" + D);
    assertEquals("enterprise", b.getAs("segment"));
    assertEquals(33.75, b.<Double>getAs("outcome_score"), EPS);
    assertNull(b.getAs("experience_score"));
    assertTrue(b.<Boolean>getAs("overall_experience_is_na"));
    assertEquals(34, b.<Integer>getAs("health_score"));
    assertEquals("red", b.getAs("band"));
    assertNull(b.getAs("quadrant"));
    assertNull(b.getAs("score_change_7d"));
    assertNull(b.getAs("override_score"));

    // N: paying, no data: a row with no score. Its override was cleared on D−1.
    Row n = daily.get("N@" + D);
    assertNull(n.getAs("segment"));
    assertNull(n.getAs("health_score"));
    assertNull(n.getAs("band"));
    assertTrue(n.<Boolean>getAs("deployment_is_na"));
    assertNull(n.getAs("override_score"));

    Dataset<Row> inputs = warehouse.read(HealthTables.ACCOUNT_HEALTH_INPUTS_DAILY);
    Row touchpoints =
        inputs.where("account_id = 'A' AND signal = 'key_contact_touchpoints_90d'").first();
    assertEquals(date("2026-03-25"), touchpoints.getAs("observed_on"));
    assertEquals(50.0, touchpoints.<Double>getAs("input_score"), EPS);
    assertTrue(touchpoints.<Boolean>getAs("is_stale"));

    // D again: A, B and N; the rows of D−7 and both tables stay as they were.
    long dailyVersion = version(HealthTables.ACCOUNT_HEALTH_DAILY);
    long inputsVersion = version(HealthTables.ACCOUNT_HEALTH_INPUTS_DAILY);
    JobResult again = run(SparkTestSession.config(), RunDates.of(D));
    assertEquals(3, again.counts("gold.account_health_daily").rowsWritten());
    assertEquals(15, again.counts("gold.account_health_inputs_daily").rowsWritten());
    assertEquals(
        sorted(asOf(HealthTables.ACCOUNT_HEALTH_DAILY, dailyVersion)),
        sorted(warehouse.read(HealthTables.ACCOUNT_HEALTH_DAILY)));
    assertEquals(
        sorted(asOf(HealthTables.ACCOUNT_HEALTH_INPUTS_DAILY, inputsVersion)),
        sorted(warehouse.read(HealthTables.ACCOUNT_HEALTH_INPUTS_DAILY)));
  }

  @Test
  void overridesAreUpsertedByAccountAndClearedOnce() {
    Map<String, Row> overrides = new HashMap<>();
    for (Row r : HealthOverrides.read(spark, warehouse.tables()).collectAsList()) {
      overrides.put(r.getAs("account_id"), r);
    }
    assertEquals(3, overrides.size()); // A's second override replaced its first
    assertEquals(80, overrides.get("A").<Integer>getAs("override_score"));
    assertEquals(ts("2026-04-28T10:00:00Z"), overrides.get("A").getAs("set_at"));
    assertEquals("csm-test", overrides.get("A").getAs("set_by"));
    assertNull(overrides.get("B").getAs("cleared_at"));
    assertTrue(clearedN);
    assertEquals(ts("2026-04-30T09:00:00Z"), overrides.get("N").getAs("cleared_at"));
    assertFalse(clearedNAgain, "a cleared override is not cleared again");
    assertFalse(clearedC, "C never had an override");
  }

  @Test
  void aBadScorecardStopsTheJobBeforeReadingAnything() {
    PulseConfig bad = PulseConfig.of("local", Map.of("pulse.health.scorecard", "/no/such/sc.conf"));
    UsageException e = assertThrows(UsageException.class, () -> run(bad, RunDates.of(D)));
    assertTrue(e.getMessage().contains("no such readable file"), e.getMessage());
  }

  /** Every row as text, sorted: two tables are the same when these are equal (a few rows). */
  private static List<String> sorted(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).sorted().toList();
  }

  private static Map<String, Row> byKey(Dataset<Row> rows) {
    Map<String, Row> byKey = new HashMap<>();
    for (Row r : rows.collectAsList()) {
      assertNull(byKey.put(r.getAs("account_id") + "@" + r.getAs("day"), r));
    }
    return byKey;
  }
}
