package io.pulse.jobs.cli;

import static org.apache.spark.sql.functions.col;

import io.pulse.common.cli.ConfigOptions;
import io.pulse.common.cli.Sessions;
import io.pulse.common.error.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * {@code pulse sql "<query>"} or {@code pulse sql --file script.sql}: runs SQL on the catalog and
 * prints at most --limit rows of each result. A script runs in one session, so a page of queries
 * pays for one Spark start, not one each.
 */
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

  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "The SQL query.")
  String query;

  @Option(
      names = "--file",
      paramLabel = "FILE",
      description =
          "Run the statements of a SQL script in order instead: each ends with ';' at the end of"
              + " a line; the '--' comment lines just before a statement are printed above its"
              + " result.")
  Path file;

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
  public Integer call() throws IOException {
    List<SqlScript.Statement> statements = statements();
    SparkSession spark = Sessions.open(configOptions.load());
    PrintWriter out = spec.commandLine().getOut();
    for (SqlScript.Statement statement : statements) {
      if (statement.title() != null) {
        out.println("== " + statement.title());
      }
      print(run(spark, statement.sql()), out);
      out.flush();
    }
    return 0;
  }

  private List<SqlScript.Statement> statements() throws IOException {
    if ((query == null) == (file == null)) {
      throw new UsageException("give a QUERY or --file FILE, not both or neither");
    }
    if (query != null) {
      return List.of(new SqlScript.Statement(null, query));
    }
    if (!Files.isReadable(file)) {
      throw new UsageException("cannot read the SQL script " + file);
    }
    return SqlScript.parse(Files.readString(file));
  }

  private static Dataset<Row> run(SparkSession spark, String sql) {
    try {
      return spark.sql(sql);
    } catch (Exception e) {
      // Scala code throws AnalysisException (a checked exception in Java) undeclared.
      if (!(e instanceof AnalysisException)) {
        throw e;
      }
      throw new UsageException(
          "query refused: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  private void print(Dataset<Row> result, PrintWriter out) {
    if (format == Format.json) {
      for (String line : result.toJSON().takeAsList(limit)) {
        out.println(line);
      }
      return;
    }
    String[] header = result.columns();
    Column[] asText =
        Arrays.stream(header).map(c -> col("`" + c + "`").cast("string")).toArray(Column[]::new);
    List<Row> rows = result.select(asText).takeAsList(limit);
    out.print(format == Format.csv ? TextTables.csv(header, rows) : TextTables.table(header, rows));
  }
}
