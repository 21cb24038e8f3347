package io.pulse.jobs.cli;

import io.pulse.common.cli.ConfigOptions;
import io.pulse.common.cli.Sessions;
import io.pulse.common.config.PulseConfig;
import io.pulse.common.error.UsageException;
import io.pulse.common.table.TableResolver;
import io.pulse.jobs.report.ReportData;
import io.pulse.jobs.report.ReportInputs;
import io.pulse.jobs.report.ReportPage;
import io.pulse.jobs.report.ReportWindow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulse report --run-date D --out DIR}: writes DIR/report.html, one self-contained page
 * (charts and data inlined, nothing fetched) from the gold tables as of D. docs/report.md.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write DIR/report.html: a self-contained HTML report of the gold tables as of D (MRR,"
            + " retention, cohorts, health, at-risk accounts, NPS/CSAT); opens from disk.")
public final class ReportCommand implements Callable<Integer> {
  /** The page's file name in --out. */
  public static final String FILE_NAME = "report.html";

  @Option(
      names = "--run-date",
      required = true,
      paramLabel = "D",
      description = "Run date, YYYY-MM-DD: the last day shown.")
  LocalDate runDate;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write report.html into (created when missing).")
  Path out;

  @Mixin ConfigOptions configOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UsageException("--out " + out + " is a file, not a folder");
    }
    PulseConfig config = configOptions.load();
    SparkSession spark = Sessions.open(config);
    ReportInputs inputs = ReportInputs.open(spark, new TableResolver(config.warehouse()));
    String page = ReportPage.render(ReportData.query(inputs, new ReportWindow(runDate)));
    Files.createDirectories(out);
    Path file = out.resolve(FILE_NAME);
    Files.writeString(file, page, StandardCharsets.UTF_8);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("wrote " + file.toAbsolutePath());
    stdout.flush();
    return 0;
  }
}
