package io.pulse.jobs.alerts;

import com.typesafe.config.ConfigFactory;
import io.pulse.common.testing.SparkTestSession;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Small helpers for the hand-made alert fixtures. */
final class AlertsFixture {
  private static final SparkSession spark = SparkTestSession.get();

  /** The defaults of conf/application.conf. */
  static final AlertsSettings DEFAULTS = AlertsSettings.from(SparkTestSession.config().raw());

  private AlertsFixture() {}

  /**
   * The defaults with some keys overridden, e.g. {@code "pulse.alerts.champion-left.open-days =
   * 5"}.
   */
  static AlertsSettings settings(String overrides) {
    return AlertsSettings.from(
        ConfigFactory.parseString(overrides).withFallback(SparkTestSession.config().raw()));
  }

  static Date d(String day) {
    return day == null ? null : Date.valueOf(day);
  }

  static Timestamp ts(String instant) {
    return instant == null ? null : Timestamp.from(Instant.parse(instant));
  }

  /** A Dataset of {@code rows} with the schema of a DDL string, e.g. {@code "a string, d date"}. */
  static Dataset<Row> frame(String ddl, Object[]... rows) {
    List<Row> list = Arrays.stream(rows).map(RowFactory::create).toList();
    return spark.createDataFrame(list, StructType.fromDDL(ddl));
  }

  static Object[] row(Object... values) {
    return values;
  }

  /**
   * The alerts {@link AlertEpisodes} makes of {@code conditions} as of {@code asOf}, one line each,
   * sorted: {@code account type opened..closed severity metric=value base=… thr=… | details}, with
   * {@code open} for a null closed_on.
   */
  static List<String> episodes(Dataset<Row> conditions, LocalDate asOf) {
    return AlertEpisodes.of(conditions, asOf).collectAsList().stream()
        .map(AlertsFixture::line)
        .sorted()
        .toList();
  }

  static String line(Row r) {
    Object closed = r.getAs("closed_on");
    boolean open = r.getAs("is_open");
    if (open != (closed == null)) {
      throw new AssertionError("is_open disagrees with closed_on: " + r);
    }
    return r.getAs("account_id")
        + " "
        + r.getAs("alert_type")
        + " "
        + r.getAs("opened_on")
        + ".."
        + (closed == null ? "open" : closed)
        + " "
        + r.getAs("severity")
        + " "
        + r.getAs("metric_name")
        + "="
        + r.getAs("metric_value")
        + " base="
        + r.getAs("baseline_value")
        + " thr="
        + r.getAs("threshold")
        + " | "
        + r.getAs("details");
  }
}
