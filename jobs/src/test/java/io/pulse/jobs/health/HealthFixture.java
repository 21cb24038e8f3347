package io.pulse.jobs.health;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A test scorecard with thresholds chosen so that every scaled score is easy to work out, and
 * helpers for long signal rows. Scaling is (value − red) × 100 / (green − red), clamped 0..100.
 */
final class HealthFixture {
  private HealthFixture() {}

  static final LocalDate D = LocalDate.parse("2026-04-30");

  /**
   * Group weights 3/2 (the same share as 0.6/0.4, exact in binary so .5 roundings are exact).
   * Outcome: deployment (w1) = license_utilization 0→100 over 0..1; engagement (w1) = touchpoints
   * 0..4 and champion 0..1; adoption (w2) = breadth 0..1; roi (w1) = goals 0..1. Experience:
   * overall (w1) = nps −100..100; support (w1) = csat 0..1 (input w2) and reopen_rate red 0.5 green
   * 0.1 (reversed); sentiment (w2) = −1..1. Enterprise: outcome 4 / experience 1,
   * license_utilization 0.5..1, adoption w1.
   */
  static final String TEST_SCORECARD =
      """
      version = "test-1"
      group-weights { outcome = 3, experience = 2 }
      bands { red-max = 50, yellow-max = 75 }
      quadrant-threshold = 60
      measures {
        deployment { weight = 1, stale-days = 7, inputs {
          license_utilization { red = 0, green = 1 } } }
        engagement { weight = 1, stale-days = 30, inputs {
          key_contact_touchpoints_90d { red = 0, green = 4 }
          champion_present { red = 0, green = 1 } } }
        adoption { weight = 2, stale-days = 7, inputs {
          key_feature_breadth { red = 0, green = 1 } } }
        roi { weight = 1, stale-days = 30, inputs {
          goals_on_track_share { red = 0, green = 1 } } }
        overall_experience { weight = 1, stale-days = 180, inputs {
          nps { red = -100, green = 100 } } }
        support_experience { weight = 1, stale-days = 90, inputs {
          csat { red = 0, green = 1, weight = 2 }
          reopen_rate { red = 0.5, green = 0.1 } } }
        sentiment { weight = 2, stale-days = 90, inputs {
          sentiment { red = -1, green = 1 } } }
      }
      segments {
        enterprise {
          group-weights { outcome = 4, experience = 1 }
          measures.deployment.inputs.license_utilization { red = 0.5, green = 1 }
          measures.adoption.weight = 1
        }
      }
      """;

  static Config testConfig() {
    return ConfigFactory.parseString(TEST_SCORECARD);
  }

  static Scorecard testScorecard() {
    return ScorecardParser.parse(testConfig(), "test");
  }

  static final StructType SIGNALS =
      new StructType()
          .add("account_id", DataTypes.StringType)
          .add("day", DataTypes.DateType)
          .add("segment", DataTypes.StringType)
          .add("signal", DataTypes.StringType)
          .add("value", DataTypes.DoubleType)
          .add("observed_on", DataTypes.DateType);

  /** A signal of day D − daysBefore, observed that day. */
  static Row signal(String account, int daysBefore, String segment, String signal, Double value) {
    return observed(account, daysBefore, segment, signal, value, daysBefore);
  }

  /** A signal of day D − daysBefore last observed on D − observedDaysBefore. */
  static Row observed(
      String account,
      int daysBefore,
      String segment,
      String signal,
      Double value,
      int observedDaysBefore) {
    return RowFactory.create(
        account,
        Date.valueOf(D.minusDays(daysBefore)),
        segment,
        signal,
        value,
        Date.valueOf(D.minusDays(observedDaysBefore)));
  }

  static Dataset<Row> signals(SparkSession spark, List<Row> rows) {
    return spark.createDataFrame(rows, SIGNALS);
  }
}
