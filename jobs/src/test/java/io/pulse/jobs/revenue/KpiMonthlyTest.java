package io.pulse.jobs.revenue;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * kpi_monthly on {@link RevenueFixture}'s fct_mrr_monthly (its rows are listed in MonthlyMrrTest).
 * Every figure is worked out by hand from those rows; ratios are written as the divisions they are.
 */
@SparkTest
class KpiMonthlyTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final DecimalType MONEY = new DecimalType(18, 4);

  private static Dataset<Row> kpis() {
    Dataset<Row> monthly =
        MonthlyMrr.withMovements(
            MonthlyMrr.accountMonths(RevenueFixture.versions(), MonthlyMrrTest.RUN_DATE),
            RevenueFixture.accountVersions(),
            MonthlyMrrTest.RUN_DATE);
    return KpiMonthly.of(monthly, 6);
  }

  private static BigDecimal money(String value) {
    return value == null ? null : new BigDecimal(value);
  }

  /** A row of kpi_monthly: money as strings, counts, then the ratios and money ratios. */
  private static Row kpi(
      String month,
      String segment,
      String[] money,
      long[] counts,
      Double logoChurn,
      Double gross,
      Double net,
      Double grr,
      Double nrr,
      String arpa,
      String ltv,
      Double quick) {
    Object[] values = new Object[22];
    values[0] = Date.valueOf(month);
    values[1] = segment;
    for (int i = 0; i < 7; i++) {
      values[2 + i] = money(money[i]);
    }
    for (int i = 0; i < 5; i++) {
      values[9 + i] = counts[i];
    }
    values[14] = logoChurn;
    values[15] = gross;
    values[16] = net;
    values[17] = grr;
    values[18] = nrr;
    values[19] = money(arpa);
    values[20] = money(ltv);
    values[21] = quick;
    return RowFactory.create(values);
  }

  private static StructType schema() {
    StructType schema =
        new StructType().add("month", DataTypes.DateType).add("segment", DataTypes.StringType);
    for (String m :
        List.of(
            "mrr_start",
            "new_mrr",
            "reactivation_mrr",
            "expansion_mrr",
            "contraction_mrr",
            "churn_mrr",
            "mrr_end")) {
      schema = schema.add(m, MONEY);
    }
    for (String c :
        List.of(
            "customers_start",
            "customers_end",
            "new_customers",
            "churned_customers",
            "reactivated_customers")) {
      schema = schema.add(c, DataTypes.LongType);
    }
    for (String r :
        List.of("logo_churn_rate", "gross_mrr_churn_rate", "net_mrr_churn_rate", "grr", "nrr")) {
      schema = schema.add(r, DataTypes.DoubleType);
    }
    return schema.add("arpa", MONEY).add("ltv", MONEY).add("quick_ratio", DataTypes.DoubleType);
  }

  @Test
  void theWholeBusinessMonthByMonth() {
    Dataset<Row> expected =
        spark.createDataFrame(
            List.of(
                // Jan: A1 100, A2 200, A5 150, A6 30 all new
                kpi(
                    "2026-01-01",
                    "all",
                    new String[] {"0", "480", "0", "0", "0", "0", "480"},
                    new long[] {0, 4, 4, 0, 0},
                    null,
                    null,
                    null,
                    null,
                    null,
                    "120.0000",
                    null,
                    null),
                // Feb: A1 expands 100 → 150
                kpi(
                    "2026-02-01",
                    "all",
                    new String[] {"480", "0", "0", "50", "0", "0", "530"},
                    new long[] {4, 4, 0, 0, 0},
                    0.0,
                    0.0,
                    -50.0 / 480.0,
                    1.0,
                    530.0 / 480.0,
                    "132.5000",
                    null,
                    null),
                // Mar: A2 churns 200, A5 contracts 10, A4 new 60
                kpi(
                    "2026-03-01",
                    "all",
                    new String[] {"530", "60", "0", "0", "-10", "-200", "380"},
                    new long[] {4, 4, 1, 1, 0},
                    1.0 / 4.0,
                    210.0 / 530.0,
                    210.0 / 530.0,
                    320.0 / 530.0,
                    320.0 / 530.0,
                    "95.0000",
                    "926.6667", // mean ARPA (120 + 132.5 + 95) / 3 over mean churn (0 + 0.25) / 2
                    60.0 / 210.0),
                // Apr: A4 contracts 20, A9 new 25
                kpi(
                    "2026-04-01",
                    "all",
                    new String[] {"380", "25", "0", "0", "-20", "0", "385"},
                    new long[] {4, 5, 1, 0, 0},
                    0.0,
                    20.0 / 380.0,
                    20.0 / 380.0,
                    360.0 / 380.0,
                    360.0 / 380.0,
                    "77.0000",
                    "1273.5000", // 106.125 / (0.25 / 3)
                    25.0 / 20.0),
                // May: A2 reactivates with 80
                kpi(
                    "2026-05-01",
                    "all",
                    new String[] {"385", "0", "80", "0", "0", "0", "465"},
                    new long[] {5, 6, 0, 0, 1},
                    0.0,
                    0.0,
                    0.0,
                    1.0,
                    1.0,
                    "77.5000",
                    "1606.4000", // 100.4 / (0.25 / 4)
                    null)),
            schema());

    Frames.assertSameRows(expected, kpis().where(col("segment").equalTo("all")));
  }

  @Test
  void aSegmentWithoutAccountsInAMonthHasZerosAndNullRates() {
    Dataset<Row> expected =
        spark.createDataFrame(
            List.of(
                kpi(
                    "2026-01-01",
                    "enterprise",
                    new String[] {"0", "0", "0", "0", "0", "0", "0"},
                    new long[] {0, 0, 0, 0, 0},
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                kpi(
                    "2026-02-01",
                    "enterprise",
                    new String[] {"0", "0", "0", "0", "0", "0", "0"},
                    new long[] {0, 0, 0, 0, 0},
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                kpi(
                    "2026-03-01",
                    "enterprise",
                    new String[] {"0", "60", "0", "0", "0", "0", "60"},
                    new long[] {0, 1, 1, 0, 0},
                    null,
                    null,
                    null,
                    null,
                    null,
                    "60.0000",
                    null,
                    null),
                kpi(
                    "2026-04-01",
                    "enterprise",
                    new String[] {"60", "0", "0", "0", "-20", "0", "40"},
                    new long[] {1, 1, 0, 0, 0},
                    0.0,
                    20.0 / 60.0,
                    20.0 / 60.0,
                    40.0 / 60.0,
                    40.0 / 60.0,
                    "40.0000",
                    null,
                    0.0),
                kpi(
                    "2026-05-01",
                    "enterprise",
                    new String[] {"40", "0", "0", "0", "0", "0", "40"},
                    new long[] {1, 1, 0, 0, 0},
                    0.0,
                    0.0,
                    0.0,
                    1.0,
                    1.0,
                    "40.0000",
                    null,
                    null)),
            schema());

    Frames.assertSameRows(expected, kpis().where(col("segment").equalTo("enterprise")));
  }

  /**
   * 30,000 accounts at 100: in February account 0 expands to 103, in March account 1 churns. ARPA
   * 100, 100.0001 and 2,999,903 / 29,999 = 100.0001; their mean is 300.0002 / 3, a repeating
   * decimal, and the mean churn rate (0 + 1/30,000) / 2 = 1/60,000 multiplies it by 60,000: LTV =
   * 300.0002 × 20,000 = 6,000,004.0000 exactly. A mean ARPA rounded to 8 places first
   * (100.00006667) gives 6,000,004.0002.
   */
  @Test
  void ltvKeepsItsFourthDecimalWhenTheChurnRateIsTiny() {
    Dataset<Row> monthly =
        spark.sql(
            "SELECT id AS account_id, month, 'smb' AS segment,"
                + " CAST(prev AS DECIMAL(18,4)) AS prev_mrr, CAST(now AS DECIMAL(18,4)) AS mrr,"
                + " movement_type, CAST(now - prev AS DECIMAL(18,4)) AS movement_amount FROM ("
                + "  SELECT id, DATE'2026-01-01' AS month, 0 AS prev, 100 AS now, 'new' AS movement_type"
                + "  FROM range(30000)"
                + "  UNION ALL SELECT id, DATE'2026-02-01', 100, IF(id = 0, 103, 100),"
                + "   IF(id = 0, 'expansion', NULL) FROM range(30000)"
                + "  UNION ALL SELECT id, DATE'2026-03-01', IF(id = 0, 103, 100),"
                + "   CASE id WHEN 0 THEN 103 WHEN 1 THEN 0 ELSE 100 END,"
                + "   IF(id = 1, 'churn', NULL) FROM range(30000))");

    List<Row> all =
        KpiMonthly.of(monthly, 6)
            .where(col("segment").equalTo("all"))
            .orderBy("month")
            .select("arpa", "logo_churn_rate", "ltv")
            .collectAsList();

    assertEquals(money("100.0001"), all.get(2).getDecimal(0));
    assertEquals(1.0 / 30_000, all.get(2).getDouble(1), 1e-18);
    assertEquals(money("6000004.0000"), all.get(2).getDecimal(2));
  }
}
