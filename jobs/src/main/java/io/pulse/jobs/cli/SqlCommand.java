package io.pulse.jobs.cli;

import static org.apache.spark.sql.functions.col;

import io.pulse.common.cli.ConfigOptions;
import io.pulse.common.cli.Sessions;
import io.pulse.common.error.UsageException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pulse sql "<query>"}: runs SQL on the catalog and prints at most --limit rows. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description = "Run a SQL query on the catalog (e.g. select * from ops.job_runs) and print it.")
public final class SqlCommand implements Callable<Integer> {
  /** Output formats. */
  public enum Format {
    table,
    csv,
    json
  }

  @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query.")
  String query;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, csv or json (one object per line); default ${DEFAULT-VALUE}.")
  Format format;

  @Option(
      names = "--limit",
      defaultValue = "1000",
      description = "Most rows to print; default ${DEFAULT-VALUE}.")
  int limit;

  @Mixin ConfigOptions configOptions;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    SparkSession spark = Sessions.open(configOptions.load());
    Dataset<Row> result;
    try {
      result = spark.sql(query);
    } catch (Exception e) {
      // Scala code throws AnalysisException (a checked exception in Java) undeclared.
      if (!(e instanceof AnalysisException)) {
        throw e;
      }
      throw new UsageException(
          "query refused: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      for (String line : result.toJSON().takeAsList(limit)) {
        out.println(line);
      }
    } else {
      String[] header = result.columns();
      Column[] asText =
          Arrays.stream(header).map(c -> col("`" + c + "`").cast("string")).toArray(Column[]::new);
      List<Row> rows = result.select(asText).takeAsList(limit);
      out.print(
          format == Format.csv ? TextTables.csv(header, rows) : TextTables.table(header, rows));
    }
    out.flush();
    return 0;
  }
}
