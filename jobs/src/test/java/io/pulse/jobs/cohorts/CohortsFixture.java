package io.pulse.jobs.cohorts;

import io.pulse.common.testing.SparkTestSession;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/**
 * A hand-made cohort fixture as of D = 2026-04-10, so April is the current, partial month.
 *
 * <p>Revenue (fct_mrr_monthly rows: account, month, segment at the month's end, MRR):
 *
 * <ul>
 *   <li>A, smb: 100 in Jan and Feb, churned in Mar (a row with MRR 0), back at 100 in Apr (a
 *       reactivation: stays in the Jan cohort, not retained in Mar, retained in Apr); a May row of
 *       100 from a later revenue run is after D's month and ignored.
 *   <li>B, smb in Jan and Feb, mid_market from Mar: 100, 150, 200, 200 (expansion). Stays in Jan ×
 *       smb, its cohort-month segment.
 *   <li>G, mid_market: 80, 40, 40 in Jan..Mar, churned in Apr as of D.
 *   <li>C, mid_market: 300 in Feb, churned in Mar, no row in Apr: a cohort of one.
 *   <li>E, enterprise: 50 in Apr as of D: a cohort in the partial month.
 * </ul>
 *
 * <p>Usage (CRM versions and event days; usage data begins 2026-02-01):
 *
 * <ul>
 *   <li>U1, smb, created 2026-01-20: events 02-03 and 04-02.
 *   <li>U2, smb, created 2026-01-05, mid_market from a version of 2026-03-02: event 03-10.
 *   <li>U6, mid_market, created 2026-01-12: events 02-01 (the first usage day) and two users on
 *       03-01.
 *   <li>U3, enterprise, created 2026-02-14: never an event (a cohort of one, retained 0).
 *   <li>U4, mid_market, created 2026-04-08: events 04-09 and 04-11 (after D).
 *   <li>U5, smb, created 2026-04-11, after D: in no cohort.
 *   <li>U7: first version (2026-01-03, smb) created 2026-01-03; its latest (2026-02-20) corrects
 *       created_at to 2025-12-30 (C2: the Dec cohort); no version before the end of Dec, so its
 *       segment is unknown; event 03-05.
 * </ul>
 */
final class CohortsFixture {
  private static final SparkSession spark = SparkTestSession.get();
  static final LocalDate RUN_DATE = LocalDate.parse("2026-04-10");
  static final LocalDate FIRST_USAGE_DAY = LocalDate.parse("2026-02-01");
  static final DecimalType MONEY = new DecimalType(18, 4);

  private CohortsFixture() {}

  static final StructType MRR_MONTHLY =
      new StructType()
          .add("account_id", DataTypes.StringType)
          .add("month", DataTypes.DateType)
          .add("segment", DataTypes.StringType)
          .add("mrr", MONEY);

  private static Row m(String account, String month, String segment, String mrr) {
    return RowFactory.create(
        account, Date.valueOf(month + "-01"), segment, new BigDecimal(mrr).setScale(4));
  }

  static Dataset<Row> mrrMonthly() {
    return spark.createDataFrame(
        List.of(
            m("A", "2026-01", "smb", "100"),
            m("A", "2026-02", "smb", "100"),
            m("A", "2026-03", "smb", "0"),
            m("A", "2026-04", "smb", "100"),
            m("A", "2026-05", "smb", "100"),
            m("B", "2026-01", "smb", "100"),
            m("B", "2026-02", "smb", "150"),
            m("B", "2026-03", "mid_market", "200"),
            m("B", "2026-04", "mid_market", "200"),
            m("G", "2026-01", "mid_market", "80"),
            m("G", "2026-02", "mid_market", "40"),
            m("G", "2026-03", "mid_market", "40"),
            m("G", "2026-04", "mid_market", "0"),
            m("C", "2026-02", "mid_market", "300"),
            m("C", "2026-03", "mid_market", "0"),
            m("E", "2026-04", "enterprise", "50")),
        MRR_MONTHLY);
  }

  static Timestamp ts(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }

  static final StructType ACCOUNT_VERSIONS =
      new StructType()
          .add("account_id", DataTypes.StringType)
          .add("segment", DataTypes.StringType)
          .add("created_at", DataTypes.TimestampType)
          .add("updated_at", DataTypes.TimestampType);

  private static Row v(String account, String segment, String created, String updated) {
    return RowFactory.create(account, segment, ts(created), ts(updated));
  }

  static Dataset<Row> accountVersions() {
    return spark.createDataFrame(
        List.of(
            v("U1", "smb", "2026-01-20T10:00:00Z", "2026-01-20T10:00:00Z"),
            v("U2", "smb", "2026-01-05T09:00:00Z", "2026-01-05T09:00:00Z"),
            v("U2", "mid_market", "2026-01-05T09:00:00Z", "2026-03-02T12:00:00Z"),
            v("U6", "mid_market", "2026-01-12T15:00:00Z", "2026-01-12T15:00:00Z"),
            v("U3", "enterprise", "2026-02-14T08:00:00Z", "2026-02-14T08:00:00Z"),
            v("U4", "mid_market", "2026-04-08T11:00:00Z", "2026-04-08T11:00:00Z"),
            v("U5", "smb", "2026-04-11T07:00:00Z", "2026-04-11T07:00:00Z"),
            v("U7", "smb", "2026-01-03T10:00:00Z", "2026-01-03T10:00:00Z"),
            v("U7", "smb", "2025-12-30T10:00:00Z", "2026-02-20T10:00:00Z")),
        ACCOUNT_VERSIONS);
  }

  static final StructType EVENTS =
      new StructType()
          .add("account_id", DataTypes.StringType)
          .add("user_id", DataTypes.StringType)
          .add("day", DataTypes.DateType);

  private static Row e(String account, String user, String day) {
    return RowFactory.create(account, user, Date.valueOf(day));
  }

  static Dataset<Row> events() {
    return spark.createDataFrame(
        List.of(
            e("U1", "u1a", "2026-02-03"),
            e("U1", "u1a", "2026-04-02"),
            e("U2", "u2a", "2026-03-10"),
            e("U6", "u6a", "2026-02-01"),
            e("U6", "u6a", "2026-03-01"),
            e("U6", "u6b", "2026-03-01"),
            e("U4", "u4a", "2026-04-09"),
            e("U4", "u4a", "2026-04-11"),
            e("U7", "u7a", "2026-03-05")),
        EVENTS);
  }

  /** A cohort_retention_monthly row; month = cohort + k, April (D's month) measured as of D. */
  static Row revenue(
      String cohort,
      String segment,
      int k,
      long accounts,
      long retained,
      double logo,
      String cohortMrr,
      String retainedMrr,
      double revenue) {
    List<Object> values = cell(cohort, segment, k);
    values.add(accounts);
    values.add(retained);
    values.add(logo);
    values.add(new BigDecimal(cohortMrr).setScale(4));
    values.add(new BigDecimal(retainedMrr).setScale(4));
    values.add(revenue);
    return RowFactory.create(values.toArray());
  }

  /** A usage_cohort_retention_monthly row; null retained for a month before the usage data. */
  static Row usage(String cohort, String segment, int k, long accounts, Long retained) {
    List<Object> values = cell(cohort, segment, k);
    values.add(accounts);
    values.add(retained);
    values.add(retained == null ? null : (double) retained / accounts);
    return RowFactory.create(values.toArray());
  }

  private static List<Object> cell(String cohort, String segment, int k) {
    LocalDate cohortMonth = LocalDate.parse(cohort + "-01");
    LocalDate month = cohortMonth.plusMonths(k);
    boolean current = month.equals(RUN_DATE.withDayOfMonth(1));
    LocalDate asOf = current ? RUN_DATE : month.plusMonths(1).minusDays(1);
    List<Object> values = new ArrayList<>();
    values.add(Date.valueOf(cohortMonth));
    values.add(segment);
    values.add(k);
    values.add(Date.valueOf(month));
    values.add(Date.valueOf(asOf));
    values.add(current);
    return values;
  }

  /**
   * Every row of cohort_retention_monthly as of D, worked out from the MRR above. Jan × smb (A, B;
   * 200): Feb 100 + 150 = 250; Mar only B (A churned) 200; Apr A back + B 300 = 1.5. Jan × all adds
   * G (80): 290/280, then B + G 240/280 with 2 of 3 accounts, then A + B 300/280.
   */
  static List<Row> expectedRevenue() {
    return List.of(
        revenue("2026-01", "smb", 0, 2, 2, 1.0, "200", "200", 1.0),
        revenue("2026-01", "smb", 1, 2, 2, 1.0, "200", "250", 1.25),
        revenue("2026-01", "smb", 2, 2, 1, 0.5, "200", "200", 1.0),
        revenue("2026-01", "smb", 3, 2, 2, 1.0, "200", "300", 1.5),
        revenue("2026-01", "mid_market", 0, 1, 1, 1.0, "80", "80", 1.0),
        revenue("2026-01", "mid_market", 1, 1, 1, 1.0, "80", "40", 0.5),
        revenue("2026-01", "mid_market", 2, 1, 1, 1.0, "80", "40", 0.5),
        revenue("2026-01", "mid_market", 3, 1, 0, 0.0, "80", "0", 0.0),
        revenue("2026-01", "all", 0, 3, 3, 1.0, "280", "280", 1.0),
        revenue("2026-01", "all", 1, 3, 3, 1.0, "280", "290", 290.0 / 280),
        revenue("2026-01", "all", 2, 3, 2, 2.0 / 3, "280", "240", 240.0 / 280),
        revenue("2026-01", "all", 3, 3, 2, 2.0 / 3, "280", "300", 300.0 / 280),
        revenue("2026-02", "mid_market", 0, 1, 1, 1.0, "300", "300", 1.0),
        revenue("2026-02", "mid_market", 1, 1, 0, 0.0, "300", "0", 0.0),
        revenue("2026-02", "mid_market", 2, 1, 0, 0.0, "300", "0", 0.0),
        revenue("2026-02", "all", 0, 1, 1, 1.0, "300", "300", 1.0),
        revenue("2026-02", "all", 1, 1, 0, 0.0, "300", "0", 0.0),
        revenue("2026-02", "all", 2, 1, 0, 0.0, "300", "0", 0.0),
        revenue("2026-04", "enterprise", 0, 1, 1, 1.0, "50", "50", 1.0),
        revenue("2026-04", "all", 0, 1, 1, 1.0, "50", "50", 1.0));
  }

  /**
   * Every row of usage_cohort_retention_monthly as of D. Months before Feb (the first usage day)
   * are null. Jan × smb (U1, U2): Feb U1, Mar U2, Apr U1: 1 of 2 each. Jan × mid_market (U6): Feb,
   * Mar, not Apr. Jan × all: 2, 2, 1 of 3. Dec × unknown (U7): Feb 0, Mar 1, Apr 0.
   */
  static List<Row> expectedUsage() {
    return List.of(
        usage("2025-12", "unknown", 0, 1, null),
        usage("2025-12", "unknown", 1, 1, null),
        usage("2025-12", "unknown", 2, 1, 0L),
        usage("2025-12", "unknown", 3, 1, 1L),
        usage("2025-12", "unknown", 4, 1, 0L),
        usage("2025-12", "all", 0, 1, null),
        usage("2025-12", "all", 1, 1, null),
        usage("2025-12", "all", 2, 1, 0L),
        usage("2025-12", "all", 3, 1, 1L),
        usage("2025-12", "all", 4, 1, 0L),
        usage("2026-01", "smb", 0, 2, null),
        usage("2026-01", "smb", 1, 2, 1L),
        usage("2026-01", "smb", 2, 2, 1L),
        usage("2026-01", "smb", 3, 2, 1L),
        usage("2026-01", "mid_market", 0, 1, null),
        usage("2026-01", "mid_market", 1, 1, 1L),
        usage("2026-01", "mid_market", 2, 1, 1L),
        usage("2026-01", "mid_market", 3, 1, 0L),
        usage("2026-01", "all", 0, 3, null),
        usage("2026-01", "all", 1, 3, 2L),
        usage("2026-01", "all", 2, 3, 2L),
        usage("2026-01", "all", 3, 3, 1L),
        usage("2026-02", "enterprise", 0, 1, 0L),
        usage("2026-02", "enterprise", 1, 1, 0L),
        usage("2026-02", "enterprise", 2, 1, 0L),
        usage("2026-02", "all", 0, 1, 0L),
        usage("2026-02", "all", 1, 1, 0L),
        usage("2026-02", "all", 2, 1, 0L),
        usage("2026-04", "mid_market", 0, 1, 1L),
        usage("2026-04", "all", 0, 1, 1L));
  }

  static Dataset<Row> frame(List<Row> rows, StructType schema) {
    return spark.createDataFrame(rows, schema);
  }
}
