package io.pulse.jobs.engagement;

import static io.pulse.jobs.engagement.OnboardingFixture.d;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * onboarding_milestones and retention_by_onboarding on {@link OnboardingFixture} as of 2027-02-10,
 * every value by hand.
 */
@SparkTest
class OnboardingTest {
  private static final SparkSession spark = SparkTestSession.get();

  static final StructType MILESTONES =
      new StructType()
          .add("account_id", DataTypes.StringType)
          .add("first_paid_day", DataTypes.DateType)
          .add("cohort_month", DataTypes.DateType)
          .add("events_cover_onboarding", DataTypes.BooleanType)
          .add("first_value_event_date", DataTypes.DateType)
          .add("time_to_first_value_days", DataTypes.IntegerType)
          .add("first_success_30d", DataTypes.BooleanType)
          .add("first_value_before_paid_date", DataTypes.DateType)
          .add("as_of_date", DataTypes.DateType);

  static final StructType RETENTION =
      new StructType()
          .add("cohort", DataTypes.StringType)
          .add("cohort_month", DataTypes.DateType)
          .add("first_success_30d", DataTypes.BooleanType)
          .add("accounts", DataTypes.LongType)
          .add("accounts_eligible", DataTypes.LongType)
          .add("accounts_retained", DataTypes.LongType)
          .add("retention_rate", DataTypes.DoubleType)
          .add("success_retention_ratio", DataTypes.DoubleType)
          .add("as_of_date", DataTypes.DateType);

  private static Row m(
      String account,
      String paid,
      String cohort,
      String value,
      Integer days,
      Boolean success,
      String before) {
    return RowFactory.create(
        account,
        d(paid),
        d(cohort),
        !"K".equals(account),
        d(value),
        days,
        success,
        d(before),
        d(OnboardingFixture.AS_OF.toString()));
  }

  static List<Row> expectedMilestones() {
    return List.of(
        // The trial's export (01-05) is kept apart; 01-15 .. 02-14 is 30 days: a success.
        m("P", "2026-01-15", "2026-01-01", "2026-02-14", 30, true, "2026-01-05"),
        // 01-20 .. 02-20 is 31 days: not a success.
        m("Q", "2026-01-20", "2026-01-01", "2026-02-20", 31, false, null),
        m("V", "2026-01-25", "2026-01-01", "2026-01-26", 1, true, null),
        // No value event, D is long past 30 days: false, time to value null.
        m("W", "2026-01-10", "2026-01-01", null, null, false, null),
        m("X", "2026-01-03", "2026-01-01", null, null, false, null),
        m("Z", "2026-02-10", "2026-02-01", "2026-02-10", 0, true, null),
        m("Y", "2026-12-01", "2026-12-01", "2026-12-03", 2, true, null),
        // D − 30 days: every day of [first paid, +30] seen without value: false.
        m("S", "2027-01-11", "2027-01-01", null, null, false, null),
        // D − 29 days: undecided.
        m("R", "2027-01-12", "2027-01-01", null, null, null, null),
        // Paid before the usage data begins (2025-12-01): not measurable, all nulls.
        m("K", "2025-11-20", "2025-11-01", null, null, null, null));
  }

  private static Row c(
      String cohort,
      String month,
      boolean success,
      long accounts,
      long eligible,
      long retained,
      Double rate,
      Double ratio) {
    return RowFactory.create(
        cohort,
        d(month),
        success,
        accounts,
        eligible,
        retained,
        rate,
        ratio,
        d(OnboardingFixture.AS_OF.toString()));
  }

  static List<Row> expectedRetention() {
    // 2026-01: with success P (retained on 2027-01-15), V (churned) -> 1/2; without Q (churned),
    // W (retained), X (no MRR on 2027-01-03, back on 01-04) -> 1/3; ratio 0.5 / (1/3).
    double withFirst = 1.0 / 2;
    double without = 1.0 / 3;
    // all: with P, V, Z (eligible, retained on D itself), Y (not eligible) -> 2/3; without Q, W,
    // X, S (not eligible) -> 1/3; R (undecided) and K (not measurable) are left out.
    double allWith = 2.0 / 3;
    return List.of(
        c("2026-01", "2026-01-01", true, 2, 2, 1, withFirst, withFirst / without),
        c("2026-01", "2026-01-01", false, 3, 3, 1, without, withFirst / without),
        c("2026-02", "2026-02-01", true, 1, 1, 1, 1.0, null),
        c("2026-02", "2026-02-01", false, 0, 0, 0, null, null),
        c("2026-12", "2026-12-01", true, 1, 0, 0, null, null),
        c("2026-12", "2026-12-01", false, 0, 0, 0, null, null),
        c("2027-01", "2027-01-01", true, 0, 0, 0, null, null),
        c("2027-01", "2027-01-01", false, 1, 0, 0, null, null),
        c("all", null, true, 4, 3, 2, allWith, allWith / without),
        c("all", null, false, 4, 3, 1, without, allWith / without));
  }

  @Test
  void firstPaidDayTimeToFirstValueAndFirstSuccess() {
    Frames.assertSameRows(
        spark.createDataFrame(expectedMilestones(), MILESTONES),
        OnboardingMilestones.of(
            OnboardingFixture.mrrDaily(),
            OnboardingFixture.events(),
            OnboardingFixture.EVENTS_FROM,
            OnboardingFixture.SETTINGS,
            OnboardingFixture.AS_OF));
  }

  @Test
  void withoutUsageDataNoAccountIsMeasurable() {
    // No event at all: every paying account is not measurable (nulls), none is a false.
    Dataset<Row> milestones =
        OnboardingMilestones.of(
            OnboardingFixture.mrrDaily(),
            OnboardingFixture.events().limit(0),
            null,
            OnboardingFixture.SETTINGS,
            OnboardingFixture.AS_OF);
    assertEquals(10, milestones.count());
    assertEquals(
        0, milestones.where("events_cover_onboarding OR first_success_30d IS NOT NULL").count());
  }

  @Test
  void retentionTwelveMonthsAfterTheFirstPaidDayByFirstSuccess() {
    Dataset<Row> milestones = spark.createDataFrame(expectedMilestones(), MILESTONES);
    Frames.assertSameRows(
        spark.createDataFrame(expectedRetention(), RETENTION),
        RetentionByOnboarding.of(
            milestones,
            OnboardingFixture.mrrDaily(),
            OnboardingFixture.SETTINGS,
            OnboardingFixture.AS_OF));
  }
}
