package io.pulse.jobs.cli;

import io.pulse.common.job.Job;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pulse list}: the job catalogue, one line per job. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the jobs, one line each.")
public final class ListCommand implements Callable<Integer> {
  private final List<Job> jobs;

  @Spec CommandSpec spec;

  public ListCommand(List<Job> jobs) {
    this.jobs = jobs;
  }

  @Override
  public Integer call() {
    int width = jobs.stream().mapToInt(j -> j.name().length()).max().orElse(0);
    for (Job job : jobs) {
      spec.commandLine().getOut().printf("%-" + width + "s  %s%n", job.name(), job.description());
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
