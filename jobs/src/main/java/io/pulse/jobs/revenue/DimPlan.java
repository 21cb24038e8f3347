package io.pulse.jobs.revenue;

import static org.apache.spark.sql.functions.col;

import io.pulse.jobs.silver.SilverEntities;
import io.pulse.jobs.silver.SilverInput;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.dim_plan}: one row per plan, its latest version (silver.plans has no version column,
 * so the latest delivery wins: date, then file, then line).
 */
public final class DimPlan {
  private DimPlan() {}

  /**
   * @param plans silver.plans, every delivery known at the run date, with its {@code _dt,
   *     _source_file, _row_number}
   */
  public static Dataset<Row> of(Dataset<Row> plans) {
    return SilverInput.latest(plans, SilverEntities.PLANS)
        .select(
            RevenueTables.DIM_PLAN.columnNames().stream().map(c -> col(c)).toArray(Column[]::new));
  }
}
