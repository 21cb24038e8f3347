package io.pulse.jobs.engagement;

import static io.pulse.jobs.engagement.EngagementFixture.day;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The checks pass on the hand-computed tables and name the keys of a broken one. */
@SparkTest
class EngagementChecksTest {
  private static final SparkSession spark = SparkTestSession.get();

  @Test
  void stakeholderAndTouchpointChecks() {
    Dataset<Row> daily =
        spark.createDataFrame(StakeholderDailyTest.expected(), StakeholderDailyTest.SCHEMA);
    Dataset<Row> touchpoints =
        spark.createDataFrame(TouchpointsTest.expected(), TouchpointsTest.SCHEMA);
    assertEquals(List.of(), EngagementChecks.stakeholderViolations(daily));
    assertEquals(List.of(), EngagementChecks.touchpointViolations(touchpoints));

    Dataset<Row> broken =
        daily.withColumn(
            "key_contact_touchpoints_90d",
            when(col("account_id").equalTo("A").and(col("day").equalTo(day(99))), lit(4L))
                .otherwise(col("key_contact_touchpoints_90d")));
    assertEquals(
        List.of(
            "not 0 <= key_contact_touchpoints_90d <= touchpoints_90d for account_id|day, 1 key:"
                + " A|2026-04-10"),
        EngagementChecks.stakeholderViolations(broken));
    assertEquals(
        List.of("more than one row for activity_id, 1 key: a1"),
        EngagementChecks.touchpointViolations(
            touchpoints.unionByName(touchpoints.where("activity_id = 'a1'"))));
  }

  @Test
  void onboardingChecks() {
    Dataset<Row> milestones =
        spark.createDataFrame(OnboardingTest.expectedMilestones(), OnboardingTest.MILESTONES);
    Dataset<Row> retention =
        spark.createDataFrame(OnboardingTest.expectedRetention(), OnboardingTest.RETENTION);
    assertEquals(
        List.of(), EngagementChecks.milestoneViolations(milestones, OnboardingFixture.SETTINGS));
    assertEquals(List.of(), EngagementChecks.retentionViolations(retention));

    // Q with 31 days flagged a success; retained above eligible for the 2026-02 success row.
    Dataset<Row> badMilestones =
        milestones.withColumn(
            "first_success_30d",
            when(col("account_id").equalTo("Q"), lit(true)).otherwise(col("first_success_30d")));
    assertEquals(
        List.of(
            "first_success_30d disagrees with time_to_first_value_days for account_id, 1 key: Q"),
        EngagementChecks.milestoneViolations(badMilestones, OnboardingFixture.SETTINGS));
    Dataset<Row> badRetention =
        retention.withColumn(
            "accounts_retained",
            when(col("cohort").equalTo("2026-02").and(col("first_success_30d")), lit(2L))
                .otherwise(col("accounts_retained")));
    assertEquals(
        List.of(
            "not 0 <= accounts_retained <= accounts_eligible <= accounts for"
                + " cohort|first_success_30d, 1 key: 2026-02|true"),
        EngagementChecks.retentionViolations(badRetention));
  }
}
