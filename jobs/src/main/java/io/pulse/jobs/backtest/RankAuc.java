package io.pulse.jobs.backtest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The AUC of a score against a boolean label per key, by the Mann-Whitney rank sum: rank every row
 * of a key by score (tied scores share their average rank), sum the ranks of the positives R₁, and
 * AUC = (R₁ − n₁(n₁ + 1)/2) / (n₁ × n₀). That is the share of (positive, negative) pairs in which
 * the positive scores higher, a tie counting one half.
 *
 * <p>Rows are first counted per key and distinct score, so the window that ranks them holds one row
 * per score value (at most 101 for a health score), not one per account.
 */
final class RankAuc {
  private RankAuc() {}

  /**
   * One row per key value: the key, {@code auc} (null when the key has no positive or no negative),
   * {@code positives}, {@code negatives}. Rows with a null score or label are left out.
   */
  static Dataset<Row> of(Dataset<Row> rows, String key, String score, String label) {
    Dataset<Row> perScore =
        rows.where(col(score).isNotNull().and(col(label).isNotNull()))
            .groupBy(col(key), col(score).as("score"))
            .agg(count(lit(1)).as("n"), sum(when(col(label), 1).otherwise(0)).as("pos"));
    WindowSpec lower =
        Window.partitionBy(col(key))
            .orderBy(col("score"))
            .rowsBetween(Window.unboundedPreceding(), -1);
    // Rows below this score take ranks 1..below; the n tied rows share below + (n + 1) / 2.
    Column below = coalesce(sum(col("n")).over(lower), lit(0L));
    Column averageRank = below.plus(col("n").plus(1).divide(2.0));
    Dataset<Row> sums =
        perScore
            .withColumn("pos_rank_sum", col("pos").multiply(averageRank))
            .groupBy(col(key))
            .agg(
                sum("pos_rank_sum").as("rank_sum"),
                sum("pos").as("positives"),
                sum(col("n").minus(col("pos"))).as("negatives"));
    Column n1 = col("positives").cast("double");
    Column n0 = col("negatives").cast("double");
    Column auc =
        when(
            col("positives").gt(0).and(col("negatives").gt(0)),
            col("rank_sum").minus(n1.multiply(n1.plus(1)).divide(2)).divide(n1.multiply(n0)));
    return sums.select(col(key), auc.as("auc"), col("positives"), col("negatives"));
  }
}
