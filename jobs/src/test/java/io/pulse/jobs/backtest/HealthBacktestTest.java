package io.pulse.jobs.backtest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Churn per band and quadrant, lift and AUC on hand-made outcomes.
 *
 * <p>2026-01-31, ten accounts (score band quadrant churned): a1 30 red hollow yes, a2 40 red hollow
 * yes, a3 45 red – no, a4 50 red – no, a5 55 yellow at_risk yes, a6 60 yellow at_risk no, a7 60
 * yellow hollow no, a8 70 yellow success no, a9 80 green success no, a10 90 green success no. Base
 * rate 3 / 10 = 0.3. a1 was scored under scorecard v2, the rest v1.
 *
 * <p>2026-02-28: b1 80 and b2 90, green success, neither churns: base rate 0.
 */
@SparkTest
class HealthBacktestTest {
  private static final double EPS = 1e-12;
  private static final String M1 = "2026-01-31";
  private static final String M2 = "2026-02-28";
  private static Dataset<Row> backtest;
  private static Map<String, Row> rows;

  private static Row outcome(
      String account, String day, int score, String band, String quadrant, boolean churned) {
    String version = account.equals("a1") ? "v2" : "v1";
    return RowFactory.create(account, Date.valueOf(day), score, band, quadrant, version, churned);
  }

  @BeforeAll
  static void backtest() {
    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("month_end", DataTypes.DateType)
            .add("health_score", DataTypes.IntegerType)
            .add("band", DataTypes.StringType)
            .add("quadrant", DataTypes.StringType)
            .add("scorecard_version", DataTypes.StringType)
            .add("churned", DataTypes.BooleanType);
    Dataset<Row> outcomes =
        SparkTestSession.get()
            .createDataFrame(
                List.of(
                    outcome("a1", M1, 30, "red", "hollow_experience", true),
                    outcome("a2", M1, 40, "red", "hollow_experience", true),
                    outcome("a3", M1, 45, "red", null, false),
                    outcome("a4", M1, 50, "red", null, false),
                    outcome("a5", M1, 55, "yellow", "at_risk_experience", true),
                    outcome("a6", M1, 60, "yellow", "at_risk_experience", false),
                    outcome("a7", M1, 60, "yellow", "hollow_experience", false),
                    outcome("a8", M1, 70, "yellow", "success", false),
                    outcome("a9", M1, 80, "green", "success", false),
                    outcome("a10", M1, 90, "green", "success", false),
                    outcome("b1", M2, 80, "green", "success", false),
                    outcome("b2", M2, 90, "green", "success", false)),
                schema);
    backtest = HealthBacktest.of(outcomes, "month_end");
    rows = new HashMap<>();
    for (Row r : backtest.collectAsList()) {
      rows.put(r.getAs("month_end") + "/" + r.getAs("group_value"), r);
    }
  }

  private static Row row(String monthEnd, String group) {
    return rows.get(monthEnd + "/" + group);
  }

  private static void assertGroup(
      String monthEnd, String group, long accounts, long churned, Double rate, Double lift) {
    Row r = row(monthEnd, group);
    assertEquals(accounts, r.<Long>getAs("accounts"), group);
    assertEquals(churned, r.<Long>getAs("churned_accounts"), group);
    if (rate == null) {
      assertNull(r.getAs("churn_rate"), group);
    } else {
      assertEquals(rate, r.<Double>getAs("churn_rate"), EPS, group);
    }
    if (lift == null) {
      assertNull(r.getAs("lift"), group);
    } else {
      assertEquals(lift, r.<Double>getAs("lift"), EPS, group);
    }
  }

  @Test
  void everyGroupOfEveryMonthEndHasARow() {
    // all + 3 bands + 4 quadrants, for each of the two month ends.
    assertEquals(16, rows.size());
    assertEquals("band", row(M1, "red").getAs("group_type"));
    assertEquals("quadrant", row(M1, "failing").getAs("group_type"));
    assertEquals("all", row(M1, "all").getAs("group_type"));
  }

  @Test
  void churnRatePerBandAndLiftOverTheBaseRate() {
    assertGroup(M1, "all", 10, 3, 0.3, 1.0);
    // red 2 / 4 = 0.5, lift 0.5 / 0.3; yellow 1 / 4, lift 0.25 / 0.3; green 0 / 2.
    assertGroup(M1, "red", 4, 2, 0.5, 0.5 / 0.3);
    assertGroup(M1, "yellow", 4, 1, 0.25, 0.25 / 0.3);
    assertGroup(M1, "green", 2, 0, 0.0, 0.0);
    // (30 + 40 + 45 + 50) / 4, (55 + 60 + 60 + 70) / 4, (80 + 90) / 2, 580 / 10.
    assertEquals(41.25, row(M1, "red").<Double>getAs("mean_health_score"), EPS);
    assertEquals(61.25, row(M1, "yellow").<Double>getAs("mean_health_score"), EPS);
    assertEquals(85.0, row(M1, "green").<Double>getAs("mean_health_score"), EPS);
    assertEquals(58.0, row(M1, "all").<Double>getAs("mean_health_score"), EPS);
    assertEquals("v1,v2", row(M1, "all").getAs("scorecard_version"));
  }

  @Test
  void quadrantRowsLeaveOutAccountsWithoutAQuadrant() {
    // hollow: a1, a2 churn, a7 not → 2 / 3, lift (2/3) / 0.3; a3 and a4 have no quadrant.
    assertGroup(M1, "hollow_experience", 3, 2, 2.0 / 3, (2.0 / 3) / 0.3);
    assertGroup(M1, "at_risk_experience", 2, 1, 0.5, 0.5 / 0.3);
    assertGroup(M1, "success", 3, 0, 0.0, 0.0);
    // No account: 0 accounts, no rate, no lift, no mean.
    assertGroup(M1, "failing", 0, 0, null, null);
    assertNull(row(M1, "failing").getAs("mean_health_score"));
  }

  @Test
  void aucOfOneHundredMinusScoreOnTheAllRowOnly() {
    // Risks (100 − score) of the churners 70, 60, 45 against the non-churners' 55, 50, 40, 40,
    // 30, 20, 10: 70 and 60 beat all 7, 45 beats 5 → 19 of 21 pairs.
    assertEquals(19.0 / 21, row(M1, "all").<Double>getAs("auc"), EPS);
    assertNull(row(M1, "red").getAs("auc"));
    assertNull(row(M1, "success").getAs("auc"));
  }

  @Test
  void aMonthEndWithoutChurnHasNoLiftAndNoAuc() {
    assertGroup(M2, "all", 2, 0, 0.0, null);
    assertGroup(M2, "green", 2, 0, 0.0, null);
    assertGroup(M2, "red", 0, 0, null, null);
    assertNull(row(M2, "all").getAs("auc"));
    assertEquals("v1", row(M2, "all").getAs("scorecard_version"));
  }

  @Test
  void theRowsPassTheChecksAndBrokenOnesDoNot() {
    assertEquals(List.of(), BacktestChecks.violations(backtest));
    Dataset<Row> broken =
        backtest
            .withColumn(
                "churned_accounts",
                when(col("group_value").equalTo("green"), lit(5L))
                    .otherwise(col("churned_accounts")))
            .withColumn(
                "accounts",
                when(col("group_value").equalTo("red"), lit(1L)).otherwise(col("accounts")))
            .unionByName(backtest.where(col("group_value").equalTo("success")));
    // Green churns 5 of 2 in both months, red has 1 account for 2 churners in January (and the
    // bands no longer add up to the all row), the success rows twice.
    String key = " for month_end|group_type|group_value, ";
    assertEquals(
        List.of(
            "more than one row"
                + key
                + "2 keys: 2026-01-31|quadrant|success, 2026-02-28|quadrant|success",
            "churned_accounts outside 0..accounts"
                + key
                + "3 keys: 2026-01-31|band|green, 2026-02-28|band|green",
            "band accounts do not add up to all accounts for month_end, 2 keys: 2026-01-31,"
                + " 2026-02-28"),
        BacktestChecks.violations(broken));
  }

  @Test
  void aChurnRateOrAucOutsideZeroToOneFails() {
    Column januaryAll =
        col("month_end").equalTo(lit(Date.valueOf(M1))).and(col("group_value").equalTo("all"));
    Column februaryRed =
        col("month_end").equalTo(lit(Date.valueOf(M2))).and(col("group_value").equalTo("red"));
    Dataset<Row> broken =
        backtest
            .withColumn("auc", when(januaryAll, lit(1.5)).otherwise(col("auc")))
            .withColumn("churn_rate", when(februaryRed, lit(-0.1)).otherwise(col("churn_rate")));
    assertEquals(
        List.of(
            "churn_rate or auc outside 0..1 for month_end|group_type|group_value, 2 keys:"
                + " 2026-01-31|all|all, 2026-02-28|band|red"),
        BacktestChecks.violations(broken));
  }
}
