package io.pulse.jobs.health;

import static io.pulse.jobs.health.HealthFixture.D;
import static io.pulse.jobs.health.HealthFixture.observed;
import static io.pulse.jobs.health.HealthFixture.signal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.config.PulseConfig;
import io.pulse.common.table.ColumnDef;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Health scores of hand-made accounts on day D under {@link HealthFixture#TEST_SCORECARD}. Scaling
 * is (value − red) × 100 / (green − red), clamped; a measure is the weighted mean of its present
 * inputs, a group the weighted mean of its present measures, the health score the weighted mean of
 * the present groups (3/2), rounded HALF_UP.
 */
@SparkTest
class HealthScoresTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final double EPS = 1e-9;
  private static final Map<String, Row> daily = new HashMap<>();
  private static final Map<String, List<Row>> inputs = new HashMap<>();

  /** Account A's signals: every measure present. */
  private static List<Row> allPresent(String account, String segment) {
    return List.of(
        signal(account, 0, segment, "license_utilization", 0.75),
        signal(account, 0, segment, "key_contact_touchpoints_90d", 3.0),
        signal(account, 0, segment, "champion_present", 1.0),
        signal(account, 0, segment, "key_feature_breadth", 0.5),
        signal(account, 0, segment, "goals_on_track_share", 0.25),
        signal(account, 0, segment, "nps", 20.0),
        signal(account, 0, segment, "csat", 0.75),
        signal(account, 0, segment, "reopen_rate", 0.2),
        signal(account, 0, segment, "sentiment", 0.25));
  }

  @BeforeAll
  static void score() {
    List<Row> rows = new ArrayList<>(allPresent("A", "smb"));
    // B: A without its roi input.
    allPresent("B", "smb").stream()
        .filter(r -> !r.getString(3).equals("goals_on_track_share"))
        .forEach(rows::add);
    // C: outcome only, no segment (the defaults).
    rows.add(signal("C", 0, null, "license_utilization", 0.75));
    // N: nothing scored: ces is a known signal the test scorecard does not use; a null value is NA.
    rows.add(signal("N", 0, "smb", "ces", 5.0));
    rows.add(signal("N", 0, "smb", "nps", null));
    // S: utilization observed 8 days before D (stale-days 7), nps 180 days before (stale-days 180).
    rows.add(observed("S", 0, "smb", "license_utilization", 0.6, 8));
    rows.add(observed("S", 0, "smb", "nps", 20.0, 180));
    // F: clamping; reopen_rate has red 0.5 above green 0.1.
    rows.add(signal("F", 0, "smb", "key_contact_touchpoints_90d", 10.0));
    rows.add(signal("F", 0, "smb", "champion_present", 0.0));
    rows.add(signal("F", 0, "smb", "reopen_rate", 0.6));
    // R: reversed input better than green.
    rows.add(signal("R", 0, "smb", "reopen_rate", 0.05));
    // Q: high outcome, low experience.
    rows.add(signal("Q", 0, "smb", "license_utilization", 0.9));
    rows.add(signal("Q", 0, "smb", "sentiment", -0.5));
    // Band edges: utilization alone, so health = 100 × utilization.
    rows.add(signal("E50", 0, "smb", "license_utilization", 0.5));
    rows.add(signal("E51", 0, "smb", "license_utilization", 0.51));
    rows.add(signal("E76", 0, "smb", "license_utilization", 0.76));
    // Enterprise: A's inputs; and utilization below the enterprise red.
    rows.addAll(allPresent("ENT", "enterprise"));
    rows.add(signal("ENT0", 0, "enterprise", "license_utilization", 0.25));

    HealthScores scores =
        HealthScores.of(HealthFixture.signals(spark, rows), HealthFixture.testScorecard());
    assertEquals(
        HealthTables.SCORE_COLUMNS.stream().map(ColumnDef::name).toList(),
        List.of(scores.daily().columns()));
    assertEquals(
        HealthTables.ACCOUNT_HEALTH_INPUTS_DAILY.columnNames(), List.of(scores.inputs().columns()));
    for (Row r : scores.daily().collectAsList()) {
      assertEquals(Date.valueOf(D), r.getAs("day"));
      assertEquals(null, daily.put(r.getAs("account_id"), r), "one row per account-day");
    }
    for (Row r : scores.inputs().collectAsList()) {
      inputs.computeIfAbsent(r.getAs("account_id"), k -> new ArrayList<>()).add(r);
    }
  }

  private static double d(Row r, String column) {
    return r.<Double>getAs(column);
  }

  private static void assertContributionsSumTo(Row r, double health) {
    double sum = 0;
    for (Measure m : Measure.values()) {
      Double c = r.getAs(m.key() + "_contribution");
      assertEquals(c == null, r.<Boolean>getAs(m.key() + "_is_na"), m.key());
      sum += c == null ? 0 : c;
    }
    assertEquals(health, sum, EPS);
  }

  @Test
  void everyAccountDayOfTheSignalsHasOneRow() {
    assertEquals(
        List.of("A", "B", "C", "E50", "E51", "E76", "ENT", "ENT0", "F", "N", "Q", "R", "S"),
        daily.keySet().stream().sorted().toList());
  }

  @Test
  void allMeasuresPresent() {
    Row a = daily.get("A");
    assertEquals(75.0, d(a, "deployment_score"), EPS); // 0.75 on 0..1
    assertEquals(87.5, d(a, "engagement_score"), EPS); // (3/4 × 100 + 100) / 2
    assertEquals(50.0, d(a, "adoption_score"), EPS); // 0.5 on 0..1
    assertEquals(25.0, d(a, "roi_score"), EPS);
    assertEquals(60.0, d(a, "overall_experience_score"), EPS); // (20 + 100) × 100 / 200
    // csat 75 (weight 2); reopen (0.2 − 0.5) × 100 / (0.1 − 0.5) = 75 → (2 × 75 + 75) / 3
    assertEquals(75.0, d(a, "support_experience_score"), EPS);
    assertEquals(62.5, d(a, "sentiment_score"), EPS); // (0.25 + 1) × 100 / 2
    // outcome (75 + 87.5 + 2 × 50 + 25) / 5 = 57.5; experience (60 + 75 + 2 × 62.5) / 4 = 65
    assertEquals(57.5, d(a, "outcome_score"), EPS);
    assertEquals(65.0, d(a, "experience_score"), EPS);
    // (3 × 57.5 + 2 × 65) / 5 = 60.5 → 61 HALF_UP (HALF_EVEN would give 60)
    assertEquals(61, a.<Integer>getAs("health_score"));
    assertEquals("yellow", a.getAs("band"));
    assertEquals("hollow_experience", a.getAs("quadrant")); // 57.5 < 60 ≤ 65
    assertEquals("test-1", a.getAs("scorecard_version"));
    assertEquals(Date.valueOf("2026-04-01"), a.getAs("month"));
    // contribution = w × s / Σw(group) × 3/5 (outcome) or 2/5 (experience)
    assertEquals(9.0, d(a, "deployment_contribution"), EPS); // 75/5 × 0.6
    assertEquals(10.5, d(a, "engagement_contribution"), EPS); // 87.5/5 × 0.6
    assertEquals(12.0, d(a, "adoption_contribution"), EPS); // 2 × 50/5 × 0.6
    assertEquals(3.0, d(a, "roi_contribution"), EPS); // 25/5 × 0.6
    assertEquals(6.0, d(a, "overall_experience_contribution"), EPS); // 60/4 × 0.4
    assertEquals(7.5, d(a, "support_experience_contribution"), EPS); // 75/4 × 0.4
    assertEquals(12.5, d(a, "sentiment_contribution"), EPS); // 2 × 62.5/4 × 0.4
    assertContributionsSumTo(a, 60.5);
    for (Measure m : Measure.values()) {
      assertFalse(a.<Boolean>getAs(m.key() + "_is_na"), m.key());
      assertFalse(a.<Boolean>getAs(m.key() + "_is_stale"), m.key());
    }
  }

  @Test
  void aMissingMeasureIsLeftOutAndTheOthersRescaled() {
    Row b = daily.get("B");
    assertNull(b.getAs("roi_score"));
    assertTrue(b.<Boolean>getAs("roi_is_na"));
    assertFalse(b.<Boolean>getAs("roi_is_stale"));
    assertNull(b.getAs("roi_contribution"));
    // NA is not red: outcome (75 + 87.5 + 2 × 50) / 4 = 65.625 (with roi as 0 it would be 52.5)
    assertEquals(65.625, d(b, "outcome_score"), EPS);
    assertEquals(65.0, d(b, "experience_score"), EPS);
    // (3 × 65.625 + 2 × 65) / 5 = 65.375 → 65
    assertEquals(65, b.<Integer>getAs("health_score"));
    assertEquals("success", b.getAs("quadrant"));
    assertEquals(11.25, d(b, "deployment_contribution"), EPS); // 75/4 × 0.6
    assertEquals(15.0, d(b, "adoption_contribution"), EPS); // 2 × 50/4 × 0.6
    assertContributionsSumTo(b, 65.375);
  }

  @Test
  void aGroupWithNoDataLeavesTheOtherGroupAlone() {
    Row c = daily.get("C"); // no segment: the defaults (outcome 3 / experience 2)
    assertEquals(75.0, d(c, "outcome_score"), EPS);
    assertNull(c.getAs("experience_score"));
    // experience NA: the score is the outcome score, not 3/5 of it (45)
    assertEquals(75, c.<Integer>getAs("health_score"));
    assertEquals("yellow", c.getAs("band")); // 75: the top of yellow
    assertNull(c.getAs("quadrant"));
    assertEquals(75.0, d(c, "deployment_contribution"), EPS); // 75/1 × 3/3
    assertContributionsSumTo(c, 75.0);

    Row r = daily.get("R"); // experience only: reopen 0.05 is better than green 0.1
    assertNull(r.getAs("outcome_score"));
    assertEquals(100.0, d(r, "support_experience_score"), EPS); // (0.05−0.5)×100/(−0.4) = 112.5
    assertEquals(100, r.<Integer>getAs("health_score"));
    assertEquals("green", r.getAs("band"));
    assertNull(r.getAs("quadrant"));
  }

  @Test
  void noDataAtAllGivesNoScore() {
    Row n = daily.get("N");
    assertNull(n.getAs("outcome_score"));
    assertNull(n.getAs("experience_score"));
    assertNull(n.getAs("health_score"));
    assertNull(n.getAs("band"));
    assertNull(n.getAs("quadrant"));
    assertEquals("test-1", n.getAs("scorecard_version"));
    for (Measure m : Measure.values()) {
      assertNull(n.getAs(m.key() + "_score"), m.key());
      assertTrue(n.<Boolean>getAs(m.key() + "_is_na"), m.key());
      assertFalse(n.<Boolean>getAs(m.key() + "_is_stale"), m.key());
      assertNull(n.getAs(m.key() + "_contribution"), m.key());
    }
    assertNull(inputs.get("N"), "an unscored or null signal has no input row");
  }

  @Test
  void aStaleMeasureIsFlaggedAndStillUsed() {
    Row s = daily.get("S");
    assertTrue(s.<Boolean>getAs("deployment_is_stale")); // 8 days > stale-days 7
    assertFalse(s.<Boolean>getAs("overall_experience_is_stale")); // 180 days, not > 180
    assertEquals(60.0, d(s, "deployment_score"), EPS); // still used: 0.6 → 60
    // (3 × 60 + 2 × 60) / 5 = 60; both groups at the threshold 60 count as high
    assertEquals(60, s.<Integer>getAs("health_score"));
    assertEquals("success", s.getAs("quadrant"));
    Row input =
        inputs.get("S").stream()
            .filter(i -> i.getAs("signal").equals("license_utilization"))
            .findFirst()
            .orElseThrow();
    assertTrue(input.<Boolean>getAs("is_stale"));
    assertEquals(Date.valueOf(D.minusDays(8)), input.getAs("observed_on"));
  }

  @Test
  void reversedThresholdsAndClampingAtBothEnds() {
    Row f = daily.get("F");
    // touchpoints 10 × 100 / 4 = 250 → 100; champion 0 → 0; engagement (100 + 0) / 2 = 50
    assertEquals(50.0, d(f, "engagement_score"), EPS);
    // reopen 0.6 is worse than red 0.5: (0.6 − 0.5) × 100 / (0.1 − 0.5) = −25 → 0
    assertEquals(0.0, d(f, "support_experience_score"), EPS);
    // (3 × 50 + 2 × 0) / 5 = 30
    assertEquals(30, f.<Integer>getAs("health_score"));
    assertEquals("red", f.getAs("band"));
    assertEquals("failing", f.getAs("quadrant"));
    Map<String, Double> scored = new HashMap<>();
    for (Row i : inputs.get("F")) {
      scored.put(i.getAs("signal"), i.getAs("input_score"));
      assertEquals("test-1", i.getAs("scorecard_version"));
    }
    assertEquals(
        Map.of("key_contact_touchpoints_90d", 100.0, "champion_present", 0.0, "reopen_rate", 0.0),
        scored);
    Row reopen =
        inputs.get("F").stream()
            .filter(i -> i.getAs("signal").equals("reopen_rate"))
            .findFirst()
            .orElseThrow();
    assertEquals("support_experience", reopen.getAs("measure"));
    assertEquals(0.6, d(reopen, "value"));
    assertEquals(0.5, d(reopen, "red"));
    assertEquals(0.1, d(reopen, "green"));
    assertEquals(1.0, d(reopen, "input_weight"));
    assertFalse(reopen.<Boolean>getAs("is_stale"));
    assertEquals(9, inputs.get("A").size()); // every input of A has a row
  }

  @Test
  void aSegmentScorecardScoresTheSameInputsDifferently() {
    Row ent = daily.get("ENT");
    // enterprise utilization red 0.5 green 1: (0.75 − 0.5) × 100 / 0.5 = 50 (A: 75)
    assertEquals(50.0, d(ent, "deployment_score"), EPS);
    // adoption weight 1 (A: 2): (50 + 87.5 + 50 + 25) / 4 = 53.125
    assertEquals(53.125, d(ent, "outcome_score"), EPS);
    assertEquals(65.0, d(ent, "experience_score"), EPS);
    // groups 4/1: (4 × 53.125 + 1 × 65) / 5 = 55.5 → 56 (A: 61)
    assertEquals(56, ent.<Integer>getAs("health_score"));
    assertEquals(10.0, d(ent, "deployment_contribution"), EPS); // 50/4 × 4/5
    assertEquals(3.0, d(ent, "overall_experience_contribution"), EPS); // 60/4 × 1/5
    assertContributionsSumTo(ent, 55.5);
    // below the enterprise red, clamped: (0.25 − 0.5) × 100 / 0.5 = −50 → 0
    Row ent0 = daily.get("ENT0");
    assertEquals(0.0, d(ent0, "deployment_score"), EPS);
    assertEquals(0, ent0.<Integer>getAs("health_score"));
    assertEquals("red", ent0.getAs("band"));
  }

  @Test
  void quadrantsAndBandEdges() {
    assertEquals("success", daily.get("B").getAs("quadrant")); // 65.625, 65
    assertEquals("hollow_experience", daily.get("A").getAs("quadrant")); // 57.5, 65
    // Q: outcome 0.9 → 90; experience sentiment (−0.5 + 1) × 50 = 25; (3 × 90 + 2 × 25) / 5 = 64
    Row q = daily.get("Q");
    assertEquals(64, q.<Integer>getAs("health_score"));
    assertEquals("at_risk_experience", q.getAs("quadrant"));
    assertEquals("failing", daily.get("F").getAs("quadrant")); // 50, 0
    // utilization alone: health = 100 × utilization
    assertEquals(50, daily.get("E50").<Integer>getAs("health_score"));
    assertEquals("red", daily.get("E50").getAs("band"));
    assertEquals(51, daily.get("E51").<Integer>getAs("health_score"));
    assertEquals("yellow", daily.get("E51").getAs("band"));
    assertEquals(75, daily.get("C").<Integer>getAs("health_score"));
    assertEquals("yellow", daily.get("C").getAs("band"));
    assertEquals(76, daily.get("E76").<Integer>getAs("health_score"));
    assertEquals("green", daily.get("E76").getAs("band"));
  }

  @Test
  void theShippedScorecardMapsNpsAndSentimentAsSectionSeven() {
    Scorecard shipped = HealthSettings.from(PulseConfig.of("local", Map.of()).raw()).scorecard();
    List<Row> rows =
        List.of(
            signal("X", 0, "smb", "license_utilization", 0.55),
            signal("X", 0, "smb", "nps", -20.0),
            signal("X", 0, "smb", "sentiment", 0.5));
    Row x = HealthScores.of(HealthFixture.signals(spark, rows), shipped).daily().first();
    assertEquals(50.0, d(x, "deployment_score"), EPS); // (0.55 − 0.3) / (0.8 − 0.3) × 100
    assertEquals(40.0, d(x, "overall_experience_score"), EPS); // (−20 + 100) / 2
    assertEquals(75.0, d(x, "sentiment_score"), EPS); // (0.5 + 1) × 50
    // 0.6 × 50 + 0.4 × (40 + 75) / 2 = 30 + 23 = 53
    assertEquals(53, x.<Integer>getAs("health_score"));
    assertEquals("2026-11-default", x.getAs("scorecard_version"));
  }

  @Test
  void aScorecardWithoutSegmentsScoresEverySegmentByTheDefaults() {
    Scorecard plain =
        ScorecardParser.parse(
            HealthFixture.testConfig().withoutPath("segments"), "test without segments");
    List<Row> rows = new ArrayList<>(allPresent("ENT", "enterprise"));
    Row ent = HealthScores.of(HealthFixture.signals(spark, rows), plain).daily().first();
    assertEquals(61, ent.<Integer>getAs("health_score")); // as A
  }
}
