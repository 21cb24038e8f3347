package io.pulse.bench;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Per job run, what {@code ops.job_runs} recorded: its wall time and rows read and written. */
public final class JobTimes {
  private JobTimes() {}

  /** One recorded run: {@code dates} is {@code S..E} or {@code D}. */
  public record JobTime(
      String job, String dates, double seconds, long rowsIn, long rowsOut, double rowsPerSecond) {
    JobTime(String job, String dates, double seconds, long rowsIn, long rowsOut) {
      this(job, dates, seconds, rowsIn, rowsOut, seconds > 0 ? rowsIn / seconds : 0);
    }
  }

  /** A run's dates as reported: {@code S..E}, or {@code D} for one day. */
  public static String dates(LocalDate start, LocalDate end) {
    return start.equals(end) ? start.toString() : start + ".." + end;
  }

  /** The successful runs in start order: one row per run of ops metadata, not data. */
  public static List<JobTime> read(SparkSession spark, String jobRunsLocation) {
    List<Row> rows =
        spark
            .read()
            .format("delta")
            .load(jobRunsLocation)
            .where(col("status").equalTo(lit("succeeded")))
            .selectExpr(
                "job",
                "run_date_start",
                "run_date_end",
                "started_at",
                "duration_ms",
                "aggregate(tables, 0L, (acc, t) -> acc + coalesce(t.rows_read, 0L)) AS rows_in",
                "aggregate(tables, 0L, (acc, t) -> acc + coalesce(t.rows_written, 0L)) AS rows_out")
            .withColumn("rows_in", coalesce(col("rows_in"), lit(0L)))
            .orderBy("started_at")
            .collectAsList();
    List<JobTime> times = new ArrayList<>();
    for (Row row : rows) {
      times.add(
          new JobTime(
              row.getString(0),
              dates(row.getDate(1).toLocalDate(), row.getDate(2).toLocalDate()),
              row.getLong(4) / 1000.0,
              row.getLong(5),
              row.getLong(6)));
    }
    return times;
  }
}
