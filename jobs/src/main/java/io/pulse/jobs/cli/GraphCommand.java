package io.pulse.jobs.cli;

import io.pulse.jobs.pipeline.JobGraph;
import io.pulse.jobs.pipeline.PulseGraph;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pulse graph [--format text|json]}: the daily pipeline's jobs and their upstream jobs. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = "Print the daily pipeline: each job in run order with the jobs it runs after.")
public final class GraphCommand implements Callable<Integer> {
  /** The two ways to print the graph. */
  public enum Format {
    text,
    json
  }

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    JobGraph graph = PulseGraph.DAILY;
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == Format.json ? graph.toJson() + "\n" : graph.toText());
    out.flush();
    return 0;
  }
}
