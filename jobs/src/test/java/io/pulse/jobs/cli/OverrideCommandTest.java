package io.pulse.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.cli.PulseCommandLine;
import io.pulse.jobs.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code pulse override} refuses bad input with exit 2 and one line, before Spark starts (no
 * session is opened by these tests).
 */
class OverrideCommandTest {

  private static String[] refused(int expectedCode, String... args) {
    CommandLine cli =
        PulseCommandLine.create(new Main(), List.of(), List.of(new OverrideCommand()));
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 1];
    all[0] = "override";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = cli.execute(all);
    assertEquals(expectedCode, code, err.toString());
    String[] lines = err.toString().split("\n");
    assertEquals(1, lines.length, err.toString());
    return lines;
  }

  private static void refusedWith(String message, String... args) {
    String line = refused(2, args)[0];
    assertEquals(true, line.contains(message), line);
  }

  @Test
  void scoreOutside0To100() {
    refusedWith(
        "pulse override: --score must be within 0..100, not 101",
        "--account",
        "A",
        "--score",
        "101",
        "--reason",
        "r",
        "--expires",
        "2999-01-01");
    refusedWith(
        "--score must be within 0..100, not -1",
        "--account",
        "A",
        "--score",
        "-1",
        "--reason",
        "r",
        "--expires",
        "2999-01-01");
  }

  @Test
  void expiryInThePast() {
    refusedWith(
        "--expires 2000-01-01 is in the past",
        "--account",
        "A",
        "--score",
        "50",
        "--reason",
        "r",
        "--expires",
        "2000-01-01");
  }

  @Test
  void emptyReason() {
    refusedWith(
        "--reason must not be empty",
        "--account",
        "A",
        "--score",
        "50",
        "--reason",
        "  ",
        "--expires",
        "2999-01-01");
  }

  @Test
  void missingOrMixedOptions() {
    refusedWith(
        "give --score, --reason and --expires to set an override, or --clear",
        "--account",
        "A",
        "--score",
        "50",
        "--reason",
        "r");
    refusedWith("--clear takes only --account", "--account", "A", "--clear", "--score", "50");
    refusedWith("--account must not be empty", "--account", " ", "--clear");
    // picocli: no --account, and a date that is not one
    refusedWith("Missing required option: '--account=A'", "--clear");
    refusedWith(
        "--expires", "--account", "A", "--score", "50", "--reason", "r", "--expires", "2026-13-01");
  }
}
