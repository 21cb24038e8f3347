package io.pulse.jobs.health;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.pulse.common.table.ColumnDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The health score of every account-day (METRICS.md §7) from its signals and a scorecard, with the
 * scaled inputs behind it. Spark built-ins only: the scorecard is a broadcast literal table joined
 * on (segment, signal), and the seven measures are conditional sums of one aggregation.
 *
 * @param daily one row per account and day of the signals, in the columns of {@link
 *     HealthTables#SCORE_COLUMNS}
 * @param inputs one row per account, day and scorecard input with a value, in the columns of {@link
 *     HealthTables#ACCOUNT_HEALTH_INPUTS_DAILY}
 */
public record HealthScores(Dataset<Row> daily, Dataset<Row> inputs) {

  /**
   * @param signals a long table {@code account_id, day, segment, signal, value (double),
   *     observed_on (date)}: one row per account, day and signal the account has a value for (the
   *     value in force on the day and the day it was last observed); a missing row or a null value
   *     is NA. One segment per account and day.
   */
  public static HealthScores of(Dataset<Row> signals, Scorecard scorecard) {
    Column version = lit(scorecard.version());
    Dataset<Row> rules =
        broadcast(
            ScorecardRows.of(signals.sparkSession(), scorecard)
                .withColumnRenamed("signal", "rule_signal"));
    // The scorecard entry of the account's segment, or the defaults (null) when it has none.
    Object[] named = scorecard.segments().keySet().toArray();
    Column rulesSegment =
        named.length == 0
            ? lit(null).cast("string")
            : when(col("segment").isin(named), col("segment"));
    Dataset<Row> withRules = signals.withColumn("account_rules", rulesSegment);
    Dataset<Row> scored =
        withRules
            .join(
                rules,
                withRules
                    .col("signal")
                    .equalTo(rules.col("rule_signal"))
                    .and(withRules.col("account_rules").eqNullSafe(rules.col("rules_segment"))),
                "left")
            .withColumn("input_score", scaled())
            .withColumn(
                "is_stale",
                coalesce(
                    datediff(col("day"), col("observed_on")).gt(col("stale_days")), lit(false)));

    Dataset<Row> inputs =
        scored
            .where(col("measure").isNotNull().and(col("value").isNotNull()))
            .select(
                col("account_id"),
                col("day"),
                trunc(col("day"), "MM").as("month"),
                col("segment"),
                col("measure"),
                col("signal"),
                col("value"),
                col("observed_on"),
                col("red"),
                col("green"),
                col("input_weight"),
                col("input_score"),
                col("is_stale"),
                version.as("scorecard_version"));

    // Every account-day of the signals keeps its row, even when none of its signals is scored.
    List<Column> aggs = new ArrayList<>();
    for (Measure m : Measure.values()) {
      Column present = col("measure").equalTo(m.key()).and(col("input_score").isNotNull());
      aggs.add(sum(when(present, col("input_weight").multiply(col("input_score")))).as(num(m)));
      aggs.add(sum(when(present, col("input_weight"))).as(den(m)));
      aggs.add(max(when(present, col("is_stale"))).as(stale(m)));
      // Null exactly when the measure is NA, so group sums need no further test.
      aggs.add(max(when(present, col("measure_weight"))).as(weight(m)));
    }
    aggs.add(max(col("outcome_weight")).as(groupWeight(Measure.Group.OUTCOME)));
    aggs.add(max(col("experience_weight")).as(groupWeight(Measure.Group.EXPERIENCE)));
    Dataset<Row> sums =
        scored
            .groupBy("account_id", "day", "segment")
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));

    return new HealthScores(wide(sums, scorecard), inputs);
  }

  /**
   * (value − red) × 100 / (green − red), clamped to 0..100; reversed thresholds need no case. Null
   * for a null value: greatest() skips nulls and would make NA a 0.
   */
  private static Column scaled() {
    Column linear =
        col("value").minus(col("red")).multiply(100).divide(col("green").minus(col("red")));
    return when(col("value").isNotNull(), least(greatest(linear, lit(0.0)), lit(100.0)));
  }

  private static Dataset<Row> wide(Dataset<Row> sums, Scorecard scorecard) {
    Dataset<Row> d = sums;
    for (Measure m : Measure.values()) {
      d = d.withColumn(m.key() + "_score", col(num(m)).divide(col(den(m))));
    }
    for (Measure.Group g : Measure.Group.values()) {
      Column weights = lit(0.0);
      Column weighted = lit(0.0);
      for (Measure m : g.measures()) {
        weights = weights.plus(coalesce(col(weight(m)), lit(0.0)));
        weighted =
            weighted.plus(coalesce(col(weight(m)).multiply(col(m.key() + "_score")), lit(0.0)));
      }
      d =
          d.withColumn(groupWeights(g), weights)
              .withColumn(
                  g.key() + "_score", when(col(groupWeights(g)).gt(0), weighted.divide(weights)));
    }
    // A group with no measure drops out and the other alone makes the score.
    Column presentGroups = lit(0.0);
    Column weightedGroups = lit(0.0);
    for (Measure.Group g : Measure.Group.values()) {
      Column share = when(col(g.key() + "_score").isNotNull(), col(groupWeight(g)));
      presentGroups = presentGroups.plus(coalesce(share, lit(0.0)));
      weightedGroups =
          weightedGroups.plus(coalesce(share.multiply(col(g.key() + "_score")), lit(0.0)));
    }
    d =
        d.withColumn("_present_groups", presentGroups)
            .withColumn(
                "_health",
                when(col("_present_groups").gt(0), weightedGroups.divide(presentGroups)));
    for (Measure m : Measure.values()) {
      Measure.Group g = m.group();
      d =
          d.withColumn(
              m.key() + "_contribution",
              col(weight(m))
                  .multiply(col(m.key() + "_score"))
                  .divide(col(groupWeights(g)))
                  .multiply(col(groupWeight(g)))
                  .divide(col("_present_groups")));
    }

    Column health = col("health_score");
    Column outcome = col("outcome_score");
    Column experience = col("experience_score");
    Column t = lit(scorecard.quadrantThreshold());
    d =
        d.withColumn("health_score", round(col("_health"), 0).cast("int"))
            .withColumn(
                "band",
                when(health.leq(scorecard.bands().redMax()), "red")
                    .when(health.leq(scorecard.bands().yellowMax()), "yellow")
                    .when(health.isNotNull(), "green"))
            .withColumn(
                "quadrant",
                when(outcome.isNull().or(experience.isNull()), lit(null).cast("string"))
                    .when(outcome.geq(t).and(experience.geq(t)), "success")
                    .when(experience.geq(t), "hollow_experience")
                    .when(outcome.geq(t), "at_risk_experience")
                    .otherwise("failing"))
            .withColumn("scorecard_version", lit(scorecard.version()))
            .withColumn("month", trunc(col("day"), "MM"));
    for (Measure m : Measure.values()) {
      d =
          d.withColumn(m.key() + "_is_na", col(m.key() + "_score").isNull())
              .withColumn(m.key() + "_is_stale", coalesce(col(stale(m)), lit(false)));
    }
    return d.select(
        HealthTables.SCORE_COLUMNS.stream()
            .map(ColumnDef::name)
            .map(c -> col(c))
            .toArray(Column[]::new));
  }

  private static String num(Measure m) {
    return "_num_" + m.key();
  }

  private static String den(Measure m) {
    return "_den_" + m.key();
  }

  private static String stale(Measure m) {
    return "_stale_" + m.key();
  }

  private static String weight(Measure m) {
    return "_weight_" + m.key();
  }

  private static String groupWeight(Measure.Group g) {
    return "_group_weight_" + g.key();
  }

  private static String groupWeights(Measure.Group g) {
    return "_measure_weights_" + g.key();
  }
}
