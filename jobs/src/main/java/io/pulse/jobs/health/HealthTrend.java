package io.pulse.jobs.health;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;

import io.pulse.common.table.ColumnDef;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Trend and drivers of the health score (METRICS.md §7): the change of the score against 7 and 30
 * days before, and of each measure's contribution against 30 days before. Each row is joined with
 * the rows of the same account on d−7 and d−30 (two equi-joins, not a window over 30 rows).
 */
public final class HealthTrend {
  private HealthTrend() {}

  /**
   * @param scores rows of {@link HealthScores#daily()}, holding d−7 and d−30 of the days wanted
   * @return the same rows in the columns {@link HealthTables#SCORE_COLUMNS} then {@link
   *     HealthTables#TREND_COLUMNS}; a change is null when the earlier day has no row or either
   *     value is null
   */
  public static Dataset<Row> of(Dataset<Row> scores) {
    Dataset<Row> weekBefore =
        scores.select(
            col("account_id").as("_account_7"),
            date_add(col("day"), 7).as("_day_7"),
            col("health_score").as("_health_7"));
    List<Column> monthCols = new ArrayList<>();
    monthCols.add(col("account_id").as("_account_30"));
    monthCols.add(date_add(col("day"), 30).as("_day_30"));
    monthCols.add(col("health_score").as("_health_30"));
    for (Measure m : Measure.values()) {
      monthCols.add(col(m.key() + "_contribution").as("_" + m.key() + "_30"));
    }
    Dataset<Row> monthBefore = scores.select(monthCols.toArray(Column[]::new));

    Dataset<Row> joined =
        scores
            .join(
                weekBefore,
                col("account_id").equalTo(col("_account_7")).and(col("day").equalTo(col("_day_7"))),
                "left")
            .join(
                monthBefore,
                col("account_id")
                    .equalTo(col("_account_30"))
                    .and(col("day").equalTo(col("_day_30"))),
                "left")
            .withColumn("score_change_7d", col("health_score").minus(col("_health_7")))
            .withColumn("score_change_30d", col("health_score").minus(col("_health_30")));
    for (Measure m : Measure.values()) {
      joined =
          joined.withColumn(
              m.key() + "_contribution_change_30d",
              col(m.key() + "_contribution").minus(col("_" + m.key() + "_30")));
    }
    return joined.select(
        Stream.concat(HealthTables.SCORE_COLUMNS.stream(), HealthTables.TREND_COLUMNS.stream())
            .map(ColumnDef::name)
            .map(c -> col(c))
            .toArray(Column[]::new));
  }
}
