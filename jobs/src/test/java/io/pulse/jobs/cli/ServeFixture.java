package io.pulse.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.pulse.common.config.PulseConfig;
import io.pulse.common.spark.SparkSessionFactory;
import io.pulse.common.table.DeltaWriter;
import io.pulse.common.table.TableResolver;
import io.pulse.jobs.revenue.RevenueTables;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a tiny gold.kpi_monthly the way the revenue job does (DeltaWriter, registered in the
 * catalog with its comments), then exits: connect-it's ServeConnectIT runs it in its own JVM before
 * it starts {@code pulse serve} on the same warehouse and metastore.
 *
 * <p>Arguments: WAREHOUSE_URI LOCAL_STATE_DIR.
 */
public final class ServeFixture {
  private ServeFixture() {}

  public static void main(String[] args) {
    PulseConfig config =
        PulseConfig.of(
            "local", Map.of("pulse.warehouse", args[0], "pulse.local-state-dir", args[1]));
    SparkSession spark = SparkSessionFactory.getOrCreate(config);
    Dataset<Row> given =
        spark.sql(
            "SELECT * FROM VALUES"
                + " (DATE'2026-01-01', 'all', 1500.0000BD, 3L),"
                + " (DATE'2026-02-01', 'all', 1725.5000BD, 4L),"
                + " (DATE'2026-02-01', 'smb', 225.5000BD, 1L)"
                + " AS t(month, segment, mrr_end, customers_end)");
    List<String> givenNames = List.of(given.columns());
    Column[] columns =
        RevenueTables.KPI_MONTHLY.columns().stream()
            .map(
                c ->
                    (givenNames.contains(c.name()) ? col(c.name()) : lit(null))
                        .cast(c.type())
                        .as(c.name()))
            .toArray(Column[]::new);
    new DeltaWriter(spark, new TableResolver(config.warehouse()))
        .overwrite(RevenueTables.KPI_MONTHLY, given.select(columns));
    spark.stop();
  }
}
