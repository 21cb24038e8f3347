package io.pulse.jobs.engagement;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sequence;

import io.pulse.common.testing.SparkTestSession;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/**
 * A hand-made onboarding fixture, as of D = 2027-02-10; value events report_exported and
 * playbook_completed; first success within 30 days; retention read 12 months after the first paid
 * day. MRR is given as spans of days (each day of a span is one fct_mrr_daily row).
 *
 * <ul>
 *   <li>P: a 0-MRR trial 2026-01-01 .. 01-14, paid from 01-15 through D; a value event in the trial
 *       (01-05), a report_created (not a value event) on 01-20, its first value event on 02-14 =
 *       01-15 + 30: a first success; retained on 2027-01-15.
 *   <li>Q: paid 2026-01-20 .. 12-31, first value event 02-20 = 01-20 + 31: not a success; churned
 *       before 2027-01-20.
 *   <li>V: paid 2026-01-25 .. 10-31, value on 01-26 (1 day): a success; churned.
 *   <li>W: paid 2026-01-10 through D, no value event: false; retained on 2027-01-10.
 *   <li>X: paid 2026-01-03 .. 06-30 and again from 2027-01-04, the day after its anniversary
 *       2027-01-03, no value event: false, not retained.
 *   <li>Z: paid from 2026-02-10 (value that day: 0 days), anniversary 2027-02-10 = D: eligible and
 *       retained.
 *   <li>Y: paid from 2026-12-01, value on 12-03: a success, not yet 12 months.
 *   <li>S: paid from 2027-01-11, D − 30 days, no value event: decided false. R: paid from
 *       2027-01-12, D − 29 days, no value event (its playbook_completed on D + 1 is after D):
 *       undecided, null.
 *   <li>U: a trial only (MRR 0) with a value event: never paid, no row. T: paid from D + 1: none.
 *   <li>K: paid from 2025-11-20, before the first usage event of all (K's dashboard view on
 *       2025-12-01): not measurable, so its value export of 2026-01-02 is not a time to value.
 * </ul>
 */
final class OnboardingFixture {
  private static final SparkSession spark = SparkTestSession.get();
  static final LocalDate AS_OF = LocalDate.parse("2027-02-10");
  static final OnboardingSettings SETTINGS =
      new OnboardingSettings(30, 12, List.of("report_exported", "playbook_completed"));
  static final DecimalType MONEY = new DecimalType(18, 4);

  /** The first day with any usage event: K's dashboard view. */
  static final LocalDate EVENTS_FROM = LocalDate.parse("2025-12-01");

  private OnboardingFixture() {}

  static Date d(String date) {
    return date == null ? null : Date.valueOf(date);
  }

  private static Row span(String account, String from, String to, String mrr) {
    return RowFactory.create(account, d(from), d(to), new BigDecimal(mrr));
  }

  /** gold.fct_mrr_daily rows: {@code account_id, day, month, mrr}. */
  static Dataset<Row> mrrDaily() {
    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("from", DataTypes.DateType)
            .add("to", DataTypes.DateType)
            .add("mrr", MONEY);
    String d = AS_OF.toString();
    return spark
        .createDataFrame(
            List.of(
                span("P", "2026-01-01", "2026-01-14", "0"),
                span("P", "2026-01-15", d, "100"),
                span("Q", "2026-01-20", "2026-12-31", "50"),
                span("V", "2026-01-25", "2026-10-31", "20"),
                span("W", "2026-01-10", d, "30"),
                span("X", "2026-01-03", "2026-06-30", "10"),
                span("X", "2027-01-04", d, "10"),
                span("Z", "2026-02-10", d, "40"),
                span("Y", "2026-12-01", d, "70"),
                span("S", "2027-01-11", d, "15"),
                span("R", "2027-01-12", d, "15"),
                span("U", "2026-03-01", "2026-03-14", "0"),
                span("T", "2027-02-11", "2027-02-20", "99"),
                span("K", "2025-11-20", d, "25")),
            schema)
        .select(col("account_id"), explode(sequence(col("from"), col("to"))).as("day"), col("mrr"))
        .selectExpr("account_id", "day", "trunc(day, 'month') AS month", "mrr");
  }

  static final StructType EVENTS =
      new StructType()
          .add("account_id", DataTypes.StringType)
          .add("event_type", DataTypes.StringType)
          .add("day", DataTypes.DateType);

  static List<Row> eventRows() {
    return List.of(
        RowFactory.create("P", "report_exported", d("2026-01-05")),
        RowFactory.create("P", "report_created", d("2026-01-20")),
        RowFactory.create("P", "report_exported", d("2026-02-14")),
        RowFactory.create("P", "playbook_completed", d("2026-03-01")),
        RowFactory.create("Q", "report_exported", d("2026-02-20")),
        RowFactory.create("Q", "report_exported", d("2026-03-20")),
        RowFactory.create("V", "playbook_completed", d("2026-01-26")),
        RowFactory.create("W", "dashboard_viewed", d("2026-01-11")),
        RowFactory.create("Z", "report_exported", d("2026-02-10")),
        RowFactory.create("Y", "playbook_completed", d("2026-12-03")),
        RowFactory.create("R", "playbook_completed", d("2027-02-11")),
        RowFactory.create("U", "report_exported", d("2026-03-05")),
        RowFactory.create("K", "dashboard_viewed", d("2025-12-01")),
        RowFactory.create("K", "report_exported", d("2026-01-02")));
  }

  static Dataset<Row> events() {
    return spark.createDataFrame(eventRows(), EVENTS);
  }
}
