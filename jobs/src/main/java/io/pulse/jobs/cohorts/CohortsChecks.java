package io.pulse.jobs.cohorts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The checks the cohort tables must pass before they are published: one row per cohort month,
 * segment and offset; offsets never negative; retained accounts within 0..cohort accounts; logo
 * retention within 0..1; the {@code all} rows the sum of the segments' rows. Revenue cohorts also:
 * revenue retention never negative, and at offset 0 every account retained (an account's cohort is
 * a month in which it pays).
 */
public final class CohortsChecks {
  private CohortsChecks() {}

  private static final int EXAMPLES = 3;

  /** cohort_retention_monthly: one line per broken check, with up to three offending keys. */
  public static List<String> revenueViolations(Dataset<Row> cohorts) {
    List<String> problems =
        common(
            cohorts, List.of("cohort_accounts", "retained_accounts", "cohort_mrr", "retained_mrr"));
    add(
        problems,
        "negative revenue_retention for cohort_month|segment|months_since",
        cohorts.where(col("revenue_retention").lt(0)).select(key()));
    add(
        problems,
        "not every account retained at months_since 0 for cohort_month|segment|months_since",
        cohorts
            .where(
                col("months_since")
                    .equalTo(0)
                    .and(
                        col("retained_accounts")
                            .notEqual(col("cohort_accounts"))
                            .or(col("retained_mrr").notEqual(col("cohort_mrr")))))
            .select(key()));
    return problems;
  }

  /** usage_cohort_retention_monthly: one line per broken check, with up to three offending keys. */
  public static List<String> usageViolations(Dataset<Row> cohorts) {
    return common(cohorts, List.of("cohort_accounts", "retained_accounts"));
  }

  private static List<String> common(Dataset<Row> cohorts, List<String> additive) {
    List<String> problems = new ArrayList<>();
    add(
        problems,
        "more than one row for cohort_month|segment|months_since",
        cohorts
            .groupBy("cohort_month", "segment", "months_since")
            .agg(count(lit(1)).as("n"))
            .where(col("n").gt(1))
            .select(key()));
    add(
        problems,
        "negative months_since for cohort_month|segment|months_since",
        cohorts.where(col("months_since").lt(0)).select(key()));
    add(
        problems,
        "retained_accounts outside 0..cohort_accounts for cohort_month|segment|months_since",
        cohorts
            .where(
                col("retained_accounts")
                    .lt(0)
                    .or(col("retained_accounts").gt(col("cohort_accounts"))))
            .select(key()));
    add(
        problems,
        "logo_retention outside 0..1 for cohort_month|segment|months_since",
        cohorts.where(col("logo_retention").lt(0).or(col("logo_retention").gt(1))).select(key()));
    add(
        problems,
        "all is not the sum of the segments for cohort_month|months_since",
        allNotSum(cohorts, additive));
    return problems;
  }

  /** The cells whose {@code all} row differs from the sum of its segments' rows (nulls equal). */
  private static Dataset<Row> allNotSum(Dataset<Row> cohorts, List<String> additive) {
    Column isAll = col("segment").equalTo(CohortMonths.ALL);
    List<Column> sums = new ArrayList<>();
    Column differs = lit(false);
    for (String name : additive) {
      sums.add(sum(when(isAll, col(name))).as("_all_" + name));
      sums.add(sum(when(isAll.unary_$bang(), col(name))).as("_segments_" + name));
      differs = differs.or(col("_all_" + name).eqNullSafe(col("_segments_" + name)).unary_$bang());
    }
    return cohorts
        .groupBy("cohort_month", "months_since")
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new))
        .where(differs)
        .select(
            concat_ws("|", col("cohort_month").cast("string"), col("months_since").cast("string")));
  }

  private static Column key() {
    return concat_ws(
        "|",
        col("cohort_month").cast("string"),
        col("segment"),
        col("months_since").cast("string"));
  }

  private static void add(List<String> problems, String check, Dataset<Row> offenders) {
    List<String> examples = offenders.as(Encoders.STRING()).takeAsList(EXAMPLES);
    if (!examples.isEmpty()) {
      problems.add(check + ": " + String.join(", ", examples));
    }
  }
}
