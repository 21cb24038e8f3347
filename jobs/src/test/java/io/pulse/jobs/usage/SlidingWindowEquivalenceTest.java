package io.pulse.jobs.usage;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sequence;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.spark.ColumnNames;
import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The linear formulation ({@link SlidingDistinct}, running sums over the day spine) against a naive
 * one computed here: every user-day (feature-day, event, DAU/MAU ratio) copied into each of the N
 * days whose window holds it, then counted distinct or averaged per account and day. Both run on
 * the hand fixture and on a seeded random one (dense and sparse users, gaps longer than the
 * window), for MAU over 28 and over 30 days, and must agree on every day that has MAU > 0.
 */
@SparkTest
class SlidingWindowEquivalenceTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final int DECIMALS = 12;

  private static UsageSettings settings(int mauDays) {
    UsageSettings s = UsageFixture.SETTINGS;
    return new UsageSettings(mauDays, s.keyFeatures(), s.valueEvents());
  }

  @ParameterizedTest
  @ValueSource(ints = {28, 30})
  void handFixtureAgreesOnEveryDay(int mauDays) {
    // Every day from the first event (t−27) to 31 days after the last (t38): all tails included.
    assertSame(UsageFixture.events(), settings(mauDays), UsageFixture.t(-27), UsageFixture.t(69));
  }

  @ParameterizedTest
  @ValueSource(ints = {28, 30})
  void randomFixtureAgreesOnEveryDay(int mauDays) {
    LocalDate first = LocalDate.parse("2026-01-01");
    Dataset<Row> events = randomEvents(first, 120);
    assertSame(events, settings(mauDays), first, first.plusDays(150));
  }

  private static void assertSame(
      Dataset<Row> events, UsageSettings settings, LocalDate start, LocalDate end) {
    Dataset<Row> versions = UsageFixture.versions().limit(0);
    Dataset<Row> actual =
        AccountUsageDaily.of(events, versions, UsageFixture.plans(), settings, start, end)
            .select(
                col("account_id"),
                col("day"),
                col("dau"),
                col("wau"),
                col("mau"),
                round(col("stickiness"), DECIMALS).as("stickiness"),
                round(col("key_feature_breadth"), DECIMALS).as("key_feature_breadth"),
                round(col("key_feature_depth"), DECIMALS).as("key_feature_depth"),
                col("value_events"),
                round(col("mau_change_28d"), DECIMALS).as("mau_change_28d"))
            .cache();
    Dataset<Row> expected = naive(events, settings, start, end).cache();
    assertTrue(expected.count() > 0, "the naive result has rows");
    Frames.assertSameRows(expected, actual);
    actual.unpersist();
    expected.unpersist();
  }

  /** Copies each item of {@code rows} into the {@code days} days whose window holds it. */
  private static Dataset<Row> spread(Dataset<Row> rows, int days, String... keep) {
    List<Column> columns = new ArrayList<>();
    for (String k : keep) {
      columns.add(col(k));
    }
    columns.add(explode(sequence(col("day"), date_add(col("day"), days - 1))).as("day"));
    return rows.select(columns.toArray(Column[]::new));
  }

  private static Dataset<Row> naive(
      Dataset<Row> events, UsageSettings settings, LocalDate start, LocalDate end) {
    Column isKey = col("feature").isin(settings.keyFeatures().toArray());
    Dataset<Row> userDays = events.select("account_id", "user_id", "day").distinct();
    Dataset<Row> dau = userDays.groupBy("account_id", "day").agg(count(lit(1)).as("dau"));
    Dataset<Row> wau =
        spread(userDays, UsageSettings.WAU_DAYS, "account_id", "user_id")
            .groupBy("account_id", "day")
            .agg(count_distinct(col("user_id")).as("wau"));
    Dataset<Row> mau =
        spread(userDays, settings.mauDays(), "account_id", "user_id")
            .groupBy("account_id", "day")
            .agg(count_distinct(col("user_id")).as("mau"));
    Dataset<Row> features =
        spread(events.where(isKey), 28, "account_id", "feature")
            .groupBy("account_id", "day")
            .agg(count_distinct(col("feature")).as("features"));
    Dataset<Row> keyEvents =
        spread(events.where(isKey), 28, "account_id")
            .groupBy("account_id", "day")
            .agg(count(lit(1)).as("key_events"));
    Dataset<Row> valueEvents =
        events
            .where(col("event_type").isin(settings.valueEvents().toArray()))
            .groupBy("account_id", "day")
            .agg(count(lit(1)).as("value_events"));
    // mau only has days with MAU > 0: exactly the days stickiness averages over (U1).
    Dataset<Row> ratios =
        mau.join(dau, ColumnNames.seq("account_id", "day"), "left")
            .select(
                col("account_id"),
                col("day"),
                coalesce(col("dau"), lit(0L)).cast("double").divide(col("mau")).as("ratio"));
    Dataset<Row> stickiness =
        spread(ratios, 28, "account_id", "ratio")
            .groupBy("account_id", "day")
            .agg(avg(col("ratio")).as("stickiness"));
    Dataset<Row> earlierMau =
        mau.select(
            col("account_id"), date_add(col("day"), 28).as("day"), col("mau").as("mau_28d_ago"));
    var key = ColumnNames.seq("account_id", "day");
    return mau.where(col("day").between(lit(Date.valueOf(start)), lit(Date.valueOf(end))))
        .join(dau, key, "left")
        .join(wau, key, "left")
        .join(features, key, "left")
        .join(keyEvents, key, "left")
        .join(valueEvents, key, "left")
        .join(stickiness, key, "left")
        .join(earlierMau, key, "left")
        .select(
            col("account_id"),
            col("day"),
            coalesce(col("dau"), lit(0L)).as("dau"),
            coalesce(col("wau"), lit(0L)).as("wau"),
            col("mau"),
            round(col("stickiness"), DECIMALS).as("stickiness"),
            round(
                    coalesce(col("features"), lit(0L))
                        .cast("double")
                        .divide(settings.keyFeatures().size()),
                    DECIMALS)
                .as("key_feature_breadth"),
            round(coalesce(col("key_events"), lit(0L)).cast("double").divide(col("mau")), DECIMALS)
                .as("key_feature_depth"),
            coalesce(col("value_events"), lit(0L)).as("value_events"),
            round(
                    col("mau").minus(col("mau_28d_ago")).cast("double").divide(col("mau_28d_ago")),
                    DECIMALS)
                .as("mau_change_28d"));
  }

  /**
   * Three accounts of six users each over {@code days} days: each user has an activity rate between
   * 2% (long gaps, beyond the window) and 60%, and one to three events on an active day, with a
   * feature drawn from the key features, a non-key one and none.
   */
  private static Dataset<Row> randomEvents(LocalDate first, int days) {
    Random random = new Random(20261125L);
    double[] rates = {0.02, 0.03, 0.08, 0.15, 0.35, 0.6};
    String[] features = {
      "dashboards", "reports", "alerts", "integrations", "playbooks", "search", null
    };
    String[] types = {"report_exported", "playbook_completed", "dashboard_viewed", "login"};
    List<Row> rows = new ArrayList<>();
    for (int a = 0; a < 3; a++) {
      for (int u = 0; u < rates.length; u++) {
        for (int d = 0; d < days; d++) {
          if (random.nextDouble() >= rates[u]) {
            continue;
          }
          int n = 1 + random.nextInt(3);
          for (int k = 0; k < n; k++) {
            rows.add(
                RowFactory.create(
                    "R" + a,
                    "R" + a + "-u" + u,
                    types[random.nextInt(types.length)],
                    features[random.nextInt(features.length)],
                    Date.valueOf(first.plusDays(d))));
          }
        }
      }
    }
    return spark.createDataFrame(rows, UsageFixture.EVENTS);
  }
}
