package io.pulse.jobs.revenue;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The checks that must hold before revenue tables are published: the MRR identity for every month
 * and segment, exactly; MRR never negative; one row per account and month; and each month's {@code
 * mrr_start} equal to the previous month's {@code mrr_end} for segment 'all' (R6).
 */
public final class RevenueChecks {
  private RevenueChecks() {}

  private static final int EXAMPLES = 3;

  /** One line per broken check, with up to three offending keys; empty when all hold. */
  public static List<String> violations(Dataset<Row> mrrMonthly, Dataset<Row> kpis) {
    List<String> problems = new ArrayList<>();
    add(
        problems,
        "mrr_start + movements != mrr_end for month|segment",
        kpis.where(
                col("mrr_start")
                    .plus(col("new_mrr"))
                    .plus(col("reactivation_mrr"))
                    .plus(col("expansion_mrr"))
                    .plus(col("contraction_mrr"))
                    .plus(col("churn_mrr"))
                    .notEqual(col("mrr_end")))
            .select(concat_ws("|", col("month"), col("segment"))));
    add(
        problems,
        "negative mrr for account|month",
        mrrMonthly
            .where(col("mrr").lt(0).or(col("prev_mrr").lt(0)))
            .select(concat_ws("|", col("account_id"), col("month"))));
    add(
        problems,
        "more than one row for account|month",
        mrrMonthly
            .groupBy("account_id", "month")
            .agg(count(lit(1)).as("n"))
            .where(col("n").gt(1))
            .select(concat_ws("|", col("account_id"), col("month"))));
    var inOrder = Window.partitionBy("segment").orderBy("month");
    add(
        problems,
        "mrr_start != previous mrr_end for month",
        kpis.where(col("segment").equalTo(KpiMonthly.ALL))
            .withColumn("_previous_end", lag(col("mrr_end"), 1).over(inOrder))
            .where(
                col("_previous_end")
                    .isNotNull()
                    .and(col("_previous_end").notEqual(col("mrr_start"))))
            .select(col("month").cast("string")));
    return problems;
  }

  private static void add(List<String> problems, String check, Dataset<Row> offenders) {
    List<String> examples = offenders.as(Encoders.STRING()).takeAsList(EXAMPLES);
    if (!examples.isEmpty()) {
      problems.add(check + ": " + String.join(", ", examples));
    }
  }
}
