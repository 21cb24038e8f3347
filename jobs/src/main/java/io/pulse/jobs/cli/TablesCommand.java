package io.pulse.jobs.cli;

import io.pulse.common.cli.ConfigOptions;
import io.pulse.common.cli.Sessions;
import io.pulse.common.table.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code pulse tables}: every Pulse table in the catalog with its row count and comment. */
@Command(
    name = "tables",
    mixinStandardHelpOptions = true,
    description = "List the catalog's Pulse tables (bronze, silver, gold, ops) with row counts.")
public final class TablesCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws AnalysisException {
    SparkSession spark = Sessions.open(configOptions.load());
    List<Row> rows = new ArrayList<>();
    for (Layer layer : Layer.values()) {
      if (!spark.catalog().databaseExists(layer.database())) {
        continue;
      }
      List<Table> tables = spark.catalog().listTables(layer.database()).collectAsList();
      for (Table table : tables) {
        String name = layer.database() + "." + table.name();
        // Delta answers a bare count from its transaction log statistics, without a scan.
        long count = spark.table(name).count();
        rows.add(RowFactory.create(name, Long.toString(count), table.description()));
      }
    }
    spec.commandLine()
        .getOut()
        .print(TextTables.table(new String[] {"table", "rows", "comment"}, rows));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
