package io.pulse.jobs;

import io.pulse.common.cli.PulseCommandLine;
import io.pulse.generator.GenerateCommand;
import io.pulse.jobs.cli.DocsTablesCommand;
import io.pulse.jobs.cli.GraphCommand;
import io.pulse.jobs.cli.ListCommand;
import io.pulse.jobs.cli.OverrideCommand;
import io.pulse.jobs.cli.PipelineCommand;
import io.pulse.jobs.cli.ReportCommand;
import io.pulse.jobs.cli.ServeCommand;
import io.pulse.jobs.cli.SqlCommand;
import io.pulse.jobs.cli.TablesCommand;
import io.pulse.jobs.cli.UploadLandingCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code pulse} entry point: {@code pulse <job> [--run-date D | --start D --end D] …}, {@code
 * pulse list}, {@code pulse sql}, {@code pulse serve}. Runs the same under spark-submit and plain
 * {@code java}.
 */
@Command(
    name = "pulse",
    mixinStandardHelpOptions = true,
    version = "pulse 0.1.0",
    description = "Customer-success analytics jobs on Spark and Delta Lake.",
    footer = {
      "",
      "Exit codes: 0 ok, 1 unexpected, 2 usage, 3 input missing, 4 check failed, 5 storage unreachable."
    })
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code, without exiting: for tests. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    return PulseCommandLine.create(
        new Main(),
        JobCatalog.all(),
        List.of(
            new ListCommand(JobCatalog.all()),
            new SqlCommand(),
            new TablesCommand(),
            new UploadLandingCommand(),
            new GenerateCommand(),
            new DocsTablesCommand(),
            new ServeCommand(),
            new OverrideCommand(),
            new PipelineCommand(JobCatalog.all()),
            new GraphCommand(),
            new ReportCommand()));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "give a job or a command; `pulse list` shows the jobs");
  }
}
