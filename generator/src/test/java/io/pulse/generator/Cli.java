package io.pulse.generator;

import io.pulse.common.cli.PulseCommandLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Runs {@code pulse generate …} in-process, the way {@code io.pulse.jobs.Main} registers it. */
record Cli(int exitCode, String out, String err) {
  @Command(name = "pulse")
  static final class Root implements Runnable {
    @Override
    public void run() {}
  }

  static Cli run(String... args) {
    CommandLine cli =
        PulseCommandLine.create(new Root(), List.of(), List.of(new GenerateCommand()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Cli(code, out.toString(), err.toString());
  }

  List<String> errLines() {
    return err.lines().toList();
  }
}
