package io.pulse.jobs.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Churn in the 90 days after a month end m = 2026-01-31: (m, m + 90] = 2026-02-01 .. 2026-05-01.
 * "Churns on day x" = MRR > 0 at the end of x − 1 and 0 at the end of x.
 */
@SparkTest
class ChurnOutcomesTest {
  private static final SparkSession spark = SparkTestSession.get();

  /** The account pays 100 at the end of every day of [from, to]. */
  private static String paying(String account, String from, String to) {
    return "SELECT '"
        + account
        + "' AS account_id, explode(sequence(DATE'"
        + from
        + "', DATE'"
        + to
        + "')) AS day, CAST(100 AS DECIMAL(18,4)) AS mrr";
  }

  private static String health(String account, String day, Integer score) {
    return "SELECT '"
        + account
        + "' AS account_id, DATE'"
        + day
        + "' AS day, CAST("
        + score
        + " AS INT) AS health_score, 'red' AS band, CAST(NULL AS STRING) AS quadrant,"
        + " 'v1' AS scorecard_version";
  }

  @Test
  void aChurnOnDayNinetyCountsAndOneOnDayNinetyOneDoesNot() {
    Dataset<Row> mrr =
        spark.sql(
            String.join(
                " UNION ALL ",
                // P: last paying day Apr 30, MRR 0 at the end of May 1 = day 90: churned.
                paying("P", "2026-01-01", "2026-04-30"),
                // Q: last paying day May 1, churns on May 2 = day 91: not churned at Jan 31.
                paying("Q", "2026-01-01", "2026-05-01"),
                // S: pays on.
                paying("S", "2026-01-01", "2026-06-30"),
                // T: churns on Feb 1, day 1.
                paying("T", "2026-01-01", "2026-01-31"),
                // U: pays on, but a day with a row of MRR 0 (a trial version) is a zero day.
                paying("U", "2026-01-01", "2026-03-14"),
                "SELECT 'U', DATE'2026-03-15', CAST(0 AS DECIMAL(18,4))",
                paying("U", "2026-03-16", "2026-06-30")));
    Dataset<Row> scores =
        spark.sql(
            String.join(
                " UNION ALL ",
                health("P", "2026-01-31", 40),
                health("Q", "2026-01-31", 40),
                health("S", "2026-01-31", 40),
                health("T", "2026-01-31", 40),
                health("U", "2026-01-31", 40),
                // No score (no data): nothing to rank, left out.
                health("W", "2026-01-31", null),
                // At Feb 28 the horizon runs to May 29: Q's churn on May 2 is in it.
                health("Q", "2026-02-28", 40),
                health("S", "2026-02-28", 40)));

    Map<String, Boolean> churned = new TreeMap<>();
    for (Row r : ChurnOutcomes.of(scores, mrr, 90).collectAsList()) {
      churned.put(r.getAs("account_id") + "@" + r.getAs("month_end"), r.getAs("churned"));
    }
    assertEquals(
        Map.of(
            "P@2026-01-31", true,
            "Q@2026-01-31", false,
            "S@2026-01-31", false,
            "T@2026-01-31", true,
            "U@2026-01-31", true,
            "Q@2026-02-28", true,
            "S@2026-02-28", false),
        churned);
  }
}
