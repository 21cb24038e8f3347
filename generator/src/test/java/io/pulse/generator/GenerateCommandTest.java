package io.pulse.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.testing.TestDirs;
import io.pulse.generator.output.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command's contract: exit codes, one-line failures, complete partitions, the summary. */
class GenerateCommandTest {
  private static final List<String> GOOD =
      List.of("--seed", "1", "--start", "2026-01-01", "--end", "2026-01-03");

  private static Cli generate(String sf, String out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("generate", "--scale-factor", sf));
    args.addAll(GOOD);
    args.addAll(List.of("--out", out));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private static void assertFails(int code, Cli run, String expected) {
    assertEquals(code, run.exitCode(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains(expected), run.err());
  }

  @Test
  void aZeroOrNegativeScaleFactorIsAUsageError() {
    String out = TestDirs.unique("bad").toString();
    assertFails(2, generate("0", out), "--scale-factor must be > 0");
    assertFails(2, generate("-1", out), "--scale-factor must be > 0");
  }

  @Test
  void anEndBeforeTheStartIsAUsageError() {
    Cli run =
        Cli.run(
            "generate",
            "--scale-factor",
            "0.01",
            "--seed",
            "1",
            "--start",
            "2026-01-05",
            "--end",
            "2026-01-04",
            "--out",
            TestDirs.unique("bad").toString());
    assertFails(2, run, "is before --start");
  }

  @Test
  void anUnknownOptionOrABadValueIsAUsageError() {
    String out = TestDirs.unique("bad").toString();
    assertFails(2, generate("0.01", out, "--scale-facter", "2"), "--scale-facter");
    assertFails(2, generate("lots", out), "lots");
    assertFails(2, generate("0.01", out, "--bad-row-rate", "0.9"), "--bad-row-rate");
    assertFails(
        2,
        Cli.run("generate", "--scale-factor", "0.01", "--seed", "1", "--start", "2026-13-01"),
        "2026-13-01");
  }

  @Test
  void anUnwritableOutputFailsWithExitFiveAndOneLine() throws IOException {
    Path file = Files.createFile(TestDirs.unique("bad").resolve("a-file"));
    assertFails(5, generate("0.01", file.resolve("landing").toString()), "--out");
  }

  @Test
  void everyPartitionOfEverySourceIsMarkedCompleteAndTheSummaryCountsRows() throws IOException {
    Path out = TestDirs.unique("ok");
    Cli run = generate("0.01", out.toUri().toString()); // file:///…

    assertEquals(0, run.exitCode(), run.err());
    for (Source source : Source.values()) {
      Path dt = out.resolve(source.dirName()).resolve("dt=2026-01-01");
      assertTrue(
          Files.isRegularFile(dt.resolve("part-00000." + source.extension())), dt.toString());
      assertEquals(0, Files.size(dt.resolve("_SUCCESS")), dt.toString());
    }
    for (String day : List.of("2026-01-02", "2026-01-03")) {
      assertTrue(Files.exists(out.resolve("accounts/dt=" + day + "/_SUCCESS")));
      assertTrue(Files.exists(out.resolve("usage_events/dt=" + day + "/_SUCCESS")));
    }
    // the summary's row count for accounts is what the files hold
    long accountRows = new Landing(out).csv(Source.ACCOUNTS).size();
    assertTrue(
        run.out()
            .lines()
            .anyMatch(l -> l.matches("accounts\\s+3\\s+" + accountRows + "\\s+0\\s+\\d+")),
        run.out());
  }
}
