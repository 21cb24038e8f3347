package io.pulse.jobs.silver;

import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.ingest.LandingSource;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Hand-made bronze rows: values in the source's column order, an empty string for absent. */
final class BronzeFixture {
  private BronzeFixture() {}

  /**
   * Rows delivered on {@code dt} in one file; a row's position in {@code values} is its line.
   *
   * @param corrupt raw text by line, for records bronze could not parse
   */
  static Dataset<Row> rows(
      LandingSource source, String dt, List<String[]> values, Map<Integer, String> corrupt) {
    StructType schema =
        source
            .stringSchema()
            .add(LandingSource.EXTRA_COLUMNS, DataTypes.StringType)
            .add(LandingSource.CORRUPT_RECORD, DataTypes.StringType)
            .add("_source_file", DataTypes.StringType)
            .add("_row_number", DataTypes.LongType)
            .add("_dt", DataTypes.DateType)
            .add("_ingested_at", DataTypes.TimestampType)
            .add("_run_id", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      List<Object> row = new ArrayList<>();
      for (String v : values.get(i)) {
        row.add(v.isEmpty() ? null : v);
      }
      row.addAll(
          Arrays.asList(
              null,
              corrupt.get(i + 1),
              "s3a://b/landing/" + source.name() + "/dt=" + dt + "/part.csv",
              (long) i + 1,
              Date.valueOf(dt),
              Timestamp.from(Instant.EPOCH),
              "bronze-run"));
      rows.add(RowFactory.create(row.toArray()));
    }
    return SparkTestSession.get().createDataFrame(rows, schema);
  }

  /** {@code account_id, _known_from}: A001 known since 2026-01-01. */
  static Dataset<Row> knownAccounts() {
    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("_known_from", DataTypes.DateType);
    return SparkTestSession.get()
        .createDataFrame(
            List.of(
                RowFactory.create("A001", Date.valueOf("2026-01-01")),
                RowFactory.create("A002", Date.valueOf("2026-01-06"))),
            schema);
  }

  /** An empty silver table of {@code entity}: nothing delivered before. */
  static Dataset<Row> noSilverYet(SilverEntity entity) {
    return SparkTestSession.get().createDataFrame(List.of(), entity.table().schema());
  }
}
