package io.pulse.common.cli;

import io.pulse.common.error.ExitCode;
import io.pulse.common.error.PulseException;
import io.pulse.common.job.Job;
import java.io.PrintWriter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds the {@code pulse} command line: one subcommand per job plus tool commands, and turns every
 * failure into one actionable line on stderr and its documented exit code.
 */
public final class PulseCommandLine {
  private static final Logger LOG = LoggerFactory.getLogger(PulseCommandLine.class);

  private PulseCommandLine() {}

  /**
   * @param root the top command (its class carries the name, version and description)
   * @param jobs the job catalogue, each registered as a subcommand under its name
   * @param tools other subcommands (list, sql, …)
   */
  public static CommandLine create(Object root, List<Job> jobs, List<Object> tools) {
    CommandLine cli = new CommandLine(root);
    for (Job job : jobs) {
      CommandLine sub = new CommandLine(new JobCommand(job));
      sub.getCommandSpec().usageMessage().description(job.description());
      cli.addSubcommand(job.name(), sub);
    }
    tools.forEach(cli::addSubcommand);
    cli.setExecutionExceptionHandler(PulseCommandLine::onFailure);
    cli.setParameterExceptionHandler(PulseCommandLine::onBadArguments);
    return cli;
  }

  private static int onFailure(Exception e, CommandLine failed, CommandLine.ParseResult parsed) {
    PrintWriter err = failed.getErr();
    String command = qualifiedName(failed.getCommandSpec());
    boolean debug = failed.getParseResult().hasMatchedOption("--debug");
    int code;
    if (e instanceof PulseException p) {
      err.println(command + ": " + p.getMessage());
      code = p.exitCode().code();
    } else {
      err.println(
          command
              + ": unexpected error: "
              + e
              + " (rerun with --debug for the stack trace; please report it)");
      code = ExitCode.UNEXPECTED.code();
    }
    LOG.debug("{} failed", command, e);
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static int onBadArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine failed = e.getCommandLine();
    PrintWriter err = failed.getErr();
    String command = qualifiedName(failed.getCommandSpec());
    err.println(command + ": " + e.getMessage() + " (see " + command + " --help)");
    err.flush();
    return ExitCode.USAGE.code();
  }

  private static String qualifiedName(CommandSpec spec) {
    return spec.qualifiedName(" ");
  }
}
