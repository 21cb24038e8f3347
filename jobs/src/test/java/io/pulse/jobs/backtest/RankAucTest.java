package io.pulse.jobs.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The Mann-Whitney AUC on cases counted pair by pair by hand. */
@SparkTest
class RankAucTest {
  private static final double EPS = 1e-12;

  private static Row row(String key, Integer score, Boolean label) {
    return RowFactory.create(key, score, label);
  }

  private static Map<String, Row> auc(List<Row> rows) {
    StructType schema =
        new StructType()
            .add("k", DataTypes.StringType)
            .add("risk", DataTypes.IntegerType)
            .add("churned", DataTypes.BooleanType);
    Dataset<Row> input = SparkTestSession.get().createDataFrame(rows, schema);
    Map<String, Row> byKey = new HashMap<>();
    for (Row r : RankAuc.of(input, "k", "risk", "churned").collectAsList()) {
      byKey.put(r.getString(0), r);
    }
    return byKey;
  }

  @Test
  void tiesCountOneHalfThroughAverageRanks() {
    // Positives 20, 30, 30, 50; negatives 10, 20, 30, 40 (null score and null label left out).
    // Pairs won: 20 beats 10 and ties 20 → 1.5; each 30 beats 10, 20 and ties 30 → 2.5 + 2.5;
    // 50 beats all four → 4. 10.5 of 16 pairs = 0.65625.
    // By ranks: 10→1, 20,20→2.5, 30,30,30→5, 40→7, 50→8; R₁ = 2.5+5+5+8 = 20.5;
    // U = 20.5 − 4·5/2 = 10.5.
    Map<String, Row> result =
        auc(
            List.of(
                row("t", 10, false),
                row("t", 20, true),
                row("t", 20, false),
                row("t", 30, true),
                row("t", 30, true),
                row("t", 30, false),
                row("t", 40, false),
                row("t", 50, true),
                row("t", null, true),
                row("t", 60, null),
                // A perfect ranking and an inverted one in keys of their own.
                row("perfect", 90, true),
                row("perfect", 10, false),
                row("perfect", 20, false),
                row("inverted", 10, true),
                row("inverted", 90, false),
                // All tied: chance.
                row("tied", 50, true),
                row("tied", 50, false),
                // No negative: no AUC.
                row("none", 50, true)));
    Row t = result.get("t");
    assertEquals(0.65625, t.getDouble(1), EPS);
    assertEquals(4L, t.getLong(2));
    assertEquals(4L, t.getLong(3));
    assertEquals(1.0, result.get("perfect").getDouble(1), EPS);
    assertEquals(0.0, result.get("inverted").getDouble(1), EPS);
    assertEquals(0.5, result.get("tied").getDouble(1), EPS);
    assertNull(result.get("none").get(1));
  }
}
