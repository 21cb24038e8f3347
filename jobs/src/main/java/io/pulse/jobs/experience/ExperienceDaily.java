package io.pulse.jobs.experience;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;

import io.pulse.common.spark.ColumnNames;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold.agg_experience_daily (METRICS.md §5 "overall NPS at d: over the same latest-per-contact
 * responses"): the account windows' counts summed per day and segment, then the ratios. A segment's
 * NPS is therefore over the responses its accounts count, not an average of account NPS.
 */
public final class ExperienceDaily {
  private ExperienceDaily() {}

  /** The segment of every account. */
  public static final String ALL = "all";

  /** The segment of an account with no CRM version by the end of the day. */
  public static final String UNKNOWN = "unknown";

  private static final List<String> COUNTS =
      List.of(
          "accounts",
          "nps_responses",
          "promoters",
          "passives",
          "detractors",
          "csat_responses",
          "csat_positive",
          "ces_responses");

  /**
   * @param windows {@link ExperienceWindows#of} for [start, end]
   * @param accountVersions every CRM version: {@code account_id, segment, updated_at}
   * @return one row per day of [start, end] and segment ('all', each segment of {@code
   *     accountVersions}, and 'unknown' on days with an account the CRM did not know by then), in
   *     the columns of {@link ExperienceTables#EXPERIENCE_DAILY}
   */
  public static Dataset<Row> of(
      Dataset<Row> windows, Dataset<Row> accountVersions, LocalDate start, LocalDate end) {
    Dataset<Row> segmented = withSegment(windows, accountVersions);
    Dataset<Row> totals =
        totals(segmented, col("segment")).unionByName(totals(segmented, lit(ALL)));
    // Every day has 'all' and each segment the CRM knows at the run's end (zero accounts too), so
    // a rerun of some of the days writes the same rows; 'unknown' comes only on days that have it.
    Dataset<Row> grid =
        windows
            .sparkSession()
            .range(1)
            .select(explode(sequence(lit(Date.valueOf(start)), lit(Date.valueOf(end)))).as("day"))
            .crossJoin(
                accountVersions
                    .select("segment")
                    .union(windows.sparkSession().sql("SELECT '" + ALL + "' AS segment"))
                    .distinct());
    Dataset<Row> filled = grid.join(totals, ColumnNames.seq("day", "segment"), "full_outer");
    for (String c : COUNTS) {
      filled = filled.withColumn(c, coalesce(col(c), lit(0L)));
    }
    return filled.select(
        col("day"),
        trunc(col("day"), "month").as("month"),
        col("segment"),
        col("accounts"),
        AccountExperienceDaily.nps(col("promoters"), col("detractors"), col("nps_responses"))
            .as("nps"),
        col("nps_responses"),
        col("promoters"),
        col("passives"),
        col("detractors"),
        AccountExperienceDaily.ratio(col("csat_positive"), col("csat_responses")).as("csat"),
        col("csat_responses"),
        AccountExperienceDaily.ratio(col("ces_sum"), col("ces_responses")).as("ces"),
        col("ces_responses"));
  }

  private static Dataset<Row> totals(Dataset<Row> segmented, Column segment) {
    return segmented
        .groupBy(col("day"), segment.as("segment"))
        .agg(
            count(lit(1)).as("accounts"),
            sum("nps_responses").as("nps_responses"),
            sum("promoters").as("promoters"),
            sum("passives").as("passives"),
            sum("detractors").as("detractors"),
            sum("csat_responses").as("csat_responses"),
            sum("csat_positive").as("csat_positive"),
            sum("ces_responses").as("ces_responses"),
            sum("ces_sum").as("ces_sum"));
  }

  /** R6's reading for days: the CRM version with the latest updated_at before start(d+1). */
  private static Dataset<Row> withSegment(Dataset<Row> windows, Dataset<Row> accountVersions) {
    Dataset<Row> crm =
        accountVersions.select(
            col("account_id").as("_crm_account"), col("segment").as("_segment"), col("updated_at"));
    Dataset<Row> keys = windows.select("account_id", "day");
    Dataset<Row> segments =
        keys.join(
                crm,
                col("account_id")
                    .equalTo(col("_crm_account"))
                    .and(col("updated_at").lt(date_add(col("day"), 1).cast("timestamp"))))
            .groupBy("account_id", "day")
            .agg(max_by(col("_segment"), col("updated_at")).as("segment"));
    return windows
        .join(segments, ColumnNames.seq("account_id", "day"), "left")
        .withColumn("segment", coalesce(col("segment"), lit(UNKNOWN)));
  }
}
