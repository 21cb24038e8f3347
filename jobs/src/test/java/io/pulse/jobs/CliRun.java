package io.pulse.jobs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the {@code pulse} command line in-process and keeps its exit code, stdout and stderr. */
public record CliRun(int exitCode, String out, String err) {
  public static CliRun of(List<String> args) {
    CommandLine cli = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args.toArray(String[]::new));
    return new CliRun(code, out.toString(), err.toString());
  }

  public static CliRun of(String... args) {
    return of(List.of(args));
  }

  /** {@code args} followed by {@code more}. */
  public static List<String> concat(List<String> args, List<String> more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(more);
    return all;
  }

  /** Stderr's lines, for checking a failure says one thing. */
  public List<String> errLines() {
    return err.lines().toList();
  }
}
