package io.pulse.common.cli;

import io.pulse.common.error.UsageException;
import io.pulse.common.job.RunDates;
import java.time.LocalDate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --run-date D} or {@code --start D --end D}: which dates a job processes. */
public final class DateOptions {
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Choice choice;

  static final class Choice {
    @Option(names = "--run-date", paramLabel = "D", description = "Run date, YYYY-MM-DD.")
    LocalDate runDate;

    @ArgGroup(exclusive = false)
    Range range;
  }

  static final class Range {
    @Option(
        names = "--start",
        paramLabel = "D",
        required = true,
        description = "First date of a backfill.")
    LocalDate start;

    @Option(
        names = "--end",
        paramLabel = "D",
        required = true,
        description = "Last date of a backfill (inclusive).")
    LocalDate end;
  }

  @Option(
      names = "--dry-run",
      description = "Resolve configuration, inputs and outputs, print the plan, write nothing.")
  boolean dryRun;

  public RunDates dates() {
    if (choice == null) {
      throw new UsageException("give --run-date D or --start D --end D");
    }
    return choice.runDate != null
        ? RunDates.of(choice.runDate)
        : new RunDates(choice.range.start, choice.range.end);
  }

  public boolean dryRun() {
    return dryRun;
  }
}
