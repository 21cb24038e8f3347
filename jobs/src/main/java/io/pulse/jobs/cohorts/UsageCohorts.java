package io.pulse.jobs.cohorts;

import static io.pulse.common.spark.ColumnNames.seq;
import static io.pulse.jobs.cohorts.CohortMonths.ratio;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code usage_cohort_retention_monthly} (METRICS.md §3, C2): every CRM account, trial-only and
 * never-paying too, in the month of its signup ({@code created_at} of its latest CRM version), is
 * retained at offset k when it had at least one active user (a user with an event) in month c+k.
 * Months that begin before the usage data does are not measurable: their retention is null, not 0.
 */
public final class UsageCohorts {
  private UsageCohorts() {}

  /**
   * The months in which each account had an active user, up to the run date.
   *
   * @param events {@code account_id, day} of each usage event (every event has a user)
   * @return {@code account_id, month, first_active_day}
   */
  public static Dataset<Row> activeMonths(Dataset<Row> events, LocalDate runDate) {
    return events
        .where(col("day").leq(lit(Date.valueOf(runDate))))
        .groupBy(col("account_id"), trunc(col("day"), "month").as("month"))
        .agg(min("day").as("first_active_day"));
  }

  /**
   * @param accountVersions {@code account_id, segment, created_at, updated_at}: every CRM version
   *     known at the run date
   * @param activeMonths the result of {@link #activeMonths}
   * @param firstUsageDay the first day of usage data (null when there is none): a month starting
   *     before it is not measurable
   */
  public static Dataset<Row> of(
      Dataset<Row> accountVersions,
      Dataset<Row> activeMonths,
      LocalDate firstUsageDay,
      LocalDate runDate) {
    Timestamp afterRunDate =
        Timestamp.from(runDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    // C2: the signup of the latest version; an account signed up after D is not in a cohort yet.
    Dataset<Row> signups =
        accountVersions
            .groupBy("account_id")
            .agg(max_by(col("created_at"), col("updated_at")).as("created_at"))
            .where(col("created_at").lt(lit(afterRunDate)))
            .withColumn("cohort_month", trunc(col("created_at"), "month"));
    Dataset<Row> members =
        CohortMonths.withAll(withCohortSegment(signups, accountVersions, runDate))
            .select("account_id", "cohort_month", "segment");
    Dataset<Row> cells =
        members.groupBy("cohort_month", "segment").agg(count(lit(1)).as("cohort_accounts"));
    Dataset<Row> retained =
        activeMonths
            .select("account_id", "month")
            .join(members, "account_id")
            .where(col("month").geq(col("cohort_month")))
            .groupBy("cohort_month", "segment", "month")
            .agg(count(lit(1)).as("retained_accounts"));
    Column measurable =
        firstUsageDay == null ? lit(false) : col("month").geq(lit(Date.valueOf(firstUsageDay)));
    return CohortMonths.offsets(cells, runDate)
        .join(retained, seq("cohort_month", "segment", "month"), "left")
        .withColumn(
            "retained_accounts", when(measurable, coalesce(col("retained_accounts"), lit(0L))))
        .withColumn("logo_retention", ratio(col("retained_accounts"), col("cohort_accounts")))
        .select(
            RevenueCohorts.columns(
                CohortsTables.USAGE_COHORTS.columnNames().toArray(String[]::new)));
  }

  /**
   * The segment of the CRM version with the latest {@code updated_at} before the end of the signup
   * month (D for D's month), as R6 takes it for revenue; {@code unknown} before the first version.
   */
  private static Dataset<Row> withCohortSegment(
      Dataset<Row> signups, Dataset<Row> accountVersions, LocalDate runDate) {
    Dataset<Row> judged =
        signups
            .select("account_id", "cohort_month")
            .withColumn("_judged_at", CohortMonths.endOf(col("cohort_month"), runDate));
    Dataset<Row> crm =
        accountVersions.select(
            col("account_id").as("_crm_account"), col("segment").as("_segment"), col("updated_at"));
    Dataset<Row> segments =
        judged
            .join(
                crm,
                col("account_id")
                    .equalTo(col("_crm_account"))
                    .and(col("updated_at").lt(col("_judged_at"))))
            .groupBy("account_id")
            .agg(max_by(col("_segment"), col("updated_at")).as("segment"));
    return judged
        .join(segments, "account_id", "left")
        .withColumn("segment", coalesce(col("segment"), lit("unknown")));
  }
}
