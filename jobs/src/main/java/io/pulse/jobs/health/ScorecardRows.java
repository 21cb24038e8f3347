package io.pulse.jobs.health;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A scorecard as a small literal table to join signals with: one row per rules segment (null for
 * the defaults) and input, carrying everything the scoring needs.
 */
final class ScorecardRows {
  private ScorecardRows() {}

  static final StructType SCHEMA =
      new StructType()
          .add("rules_segment", StringType)
          .add("measure", StringType)
          .add("signal", StringType)
          .add("red", DoubleType)
          .add("green", DoubleType)
          .add("input_weight", DoubleType)
          .add("measure_weight", DoubleType)
          .add("stale_days", IntegerType)
          .add("outcome_weight", DoubleType)
          .add("experience_weight", DoubleType);

  static Dataset<Row> of(SparkSession spark, Scorecard scorecard) {
    Map<String, Scorecard.Rules> all = new LinkedHashMap<>();
    all.put(null, scorecard.defaults());
    all.putAll(scorecard.segments());
    List<Row> rows = new ArrayList<>();
    all.forEach(
        (segment, rules) -> {
          for (Scorecard.MeasureRule m : rules.measures().values()) {
            for (Scorecard.InputRule in : m.inputs()) {
              rows.add(
                  RowFactory.create(
                      segment,
                      m.measure().key(),
                      in.signal(),
                      in.red(),
                      in.green(),
                      in.weight(),
                      m.weight(),
                      m.staleDays(),
                      rules.groupWeight(Measure.Group.OUTCOME),
                      rules.groupWeight(Measure.Group.EXPERIENCE)));
            }
          }
        });
    return spark.createDataFrame(rows, SCHEMA);
  }
}
