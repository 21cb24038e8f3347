package io.pulse.jobs.health;

import static io.pulse.jobs.health.HealthFixture.D;
import static io.pulse.jobs.health.HealthFixture.signal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trend and drivers on scores of several days under the test scorecard. With utilization alone the
 * health score and the deployment contribution are both 100 × utilization (outcome group alone);
 * with nps alone both are (nps + 100) / 2.
 */
@SparkTest
class HealthTrendTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final double EPS = 1e-9;
  private static final Map<String, Row> rows = new HashMap<>();

  @BeforeAll
  static void trend() {
    List<Row> signals =
        List.of(
            // T: 50 on D−30, 60 on D−7, 70 on D; D−29 and D−6 are neighbours that must not be read
            signal("T", 30, "smb", "license_utilization", 0.5),
            signal("T", 29, "smb", "license_utilization", 0.1),
            signal("T", 7, "smb", "license_utilization", 0.6),
            signal("T", 6, "smb", "license_utilization", 0.2),
            signal("T", 0, "smb", "license_utilization", 0.7),
            // U: no row on D−7; on D−30 only nps 0 (→ 50): deployment NA then
            signal("U", 30, "smb", "nps", 0.0),
            signal("U", 0, "smb", "license_utilization", 0.7),
            // V: scored on D−7 (40), no score on D
            signal("V", 7, "smb", "license_utilization", 0.4),
            signal("V", 0, "smb", "ces", 4.0));
    Dataset<Row> trend =
        HealthTrend.of(
            HealthScores.of(HealthFixture.signals(spark, signals), HealthFixture.testScorecard())
                .daily());
    List<String> scoreAndTrend = new java.util.ArrayList<>();
    HealthTables.SCORE_COLUMNS.forEach(c -> scoreAndTrend.add(c.name()));
    HealthTables.TREND_COLUMNS.forEach(c -> scoreAndTrend.add(c.name()));
    assertEquals(scoreAndTrend, List.of(trend.columns()));
    for (Row r : trend.collectAsList()) {
      String key = r.getAs("account_id") + "@" + r.getAs("day");
      assertEquals(null, rows.put(key, r), "one row per account-day: " + key);
    }
    assertEquals(9, rows.size()); // the rows of the input, no more
  }

  private static Row row(String account, int daysBefore) {
    return rows.get(account + "@" + Date.valueOf(D.minusDays(daysBefore)));
  }

  @Test
  void changesAgainstSevenAndThirtyDaysBefore() {
    Row t = row("T", 0);
    assertEquals(70, t.<Integer>getAs("health_score"));
    assertEquals(10, t.<Integer>getAs("score_change_7d")); // 70 − 60 (not 70 − 20 of D−6)
    assertEquals(20, t.<Integer>getAs("score_change_30d")); // 70 − 50 (not 70 − 10 of D−29)
    assertEquals(20.0, t.<Double>getAs("deployment_contribution_change_30d"), EPS); // 70 − 50
    for (Measure m : Measure.values()) {
      if (m != Measure.DEPLOYMENT) {
        assertNull(t.getAs(m.key() + "_contribution_change_30d"), m.key()); // NA both days
      }
    }
    // D−7: neither D−14 nor D−37 has a row
    assertNull(row("T", 7).getAs("score_change_7d"));
    assertNull(row("T", 7).getAs("score_change_30d"));
    // D−6: D−13 has no row; D−36 neither
    assertNull(row("T", 6).getAs("score_change_7d"));
  }

  @Test
  void aMissingEarlierDayOrScoreGivesNoChange() {
    Row u = row("U", 0);
    assertNull(u.getAs("score_change_7d")); // no row on D−7
    assertEquals(20, u.<Integer>getAs("score_change_30d")); // 70 − (0 + 100) / 2
    // deployment NA on D−30, overall experience NA on D: no change for either
    assertNull(u.getAs("deployment_contribution_change_30d"));
    assertNull(u.getAs("overall_experience_contribution_change_30d"));
    Row v = row("V", 0);
    assertNull(v.getAs("health_score"));
    assertNull(v.getAs("score_change_7d")); // D−7 scored 40, D has no score
  }
}
