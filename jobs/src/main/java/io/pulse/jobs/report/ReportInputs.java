package io.pulse.jobs.report;

import io.delta.tables.DeltaTable;
import io.pulse.common.error.InputMissingException;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import io.pulse.common.table.TableRef;
import io.pulse.common.table.TableResolver;
import io.pulse.jobs.cohorts.CohortsTables;
import io.pulse.jobs.experience.ExperienceTables;
import io.pulse.jobs.health.HealthTables;
import io.pulse.jobs.revenue.RevenueTables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The gold tables the report reads, by location (as the jobs read them). Every required table is
 * checked before any is read, so a missing one ends the command with exit 3 naming it and the job
 * that writes it; the alerts table is optional.
 */
public final class ReportInputs {
  /** Written by the alerts job; the report shows "alerts not computed" without it. */
  static final String ALERTS_TABLE = "account_alerts";

  /** Each required table and the job to run when it is missing, in the order they are checked. */
  private static final Map<TableDef, String> REQUIRED = required();

  private final SparkSession spark;
  private final TableResolver tables;

  private ReportInputs(SparkSession spark, TableResolver tables) {
    this.spark = spark;
    this.tables = tables;
  }

  /** Inputs over {@code tables}; throws {@link InputMissingException} for the first missing one. */
  public static ReportInputs open(SparkSession spark, TableResolver tables) {
    for (Map.Entry<TableDef, String> input : REQUIRED.entrySet()) {
      TableRef ref = tables.resolve(input.getKey());
      if (!DeltaTable.isDeltaTable(spark, ref.location())) {
        throw new InputMissingException(
            "input missing: "
                + ref
                + " does not exist; run `pulse "
                + input.getValue()
                + "` first");
      }
    }
    return new ReportInputs(spark, tables);
  }

  public Dataset<Row> kpiMonthly() {
    return read(RevenueTables.KPI_MONTHLY);
  }

  public Dataset<Row> cohortRetention() {
    return read(CohortsTables.REVENUE_COHORTS);
  }

  public Dataset<Row> accountHealth() {
    return read(HealthTables.ACCOUNT_HEALTH_DAILY);
  }

  public Dataset<Row> experienceDaily() {
    return read(ExperienceTables.EXPERIENCE_DAILY);
  }

  public Dataset<Row> accounts() {
    return read(RevenueTables.DIM_ACCOUNT);
  }

  /** gold.account_alerts when the alerts job has written it, else empty. */
  public Optional<Dataset<Row>> alerts() {
    String location = tables.resolve(Layer.GOLD, ALERTS_TABLE).location();
    return DeltaTable.isDeltaTable(spark, location)
        ? Optional.of(spark.read().format("delta").load(location))
        : Optional.empty();
  }

  private Dataset<Row> read(TableDef def) {
    return spark.read().format("delta").load(tables.resolve(def).location());
  }

  private static Map<TableDef, String> required() {
    Map<TableDef, String> inputs = new LinkedHashMap<>();
    inputs.put(RevenueTables.KPI_MONTHLY, "revenue");
    inputs.put(RevenueTables.DIM_ACCOUNT, "revenue");
    inputs.put(CohortsTables.REVENUE_COHORTS, "cohorts");
    inputs.put(HealthTables.ACCOUNT_HEALTH_DAILY, "health");
    inputs.put(ExperienceTables.EXPERIENCE_DAILY, "experience");
    return inputs;
  }
}
