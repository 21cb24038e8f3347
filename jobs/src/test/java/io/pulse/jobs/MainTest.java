package io.pulse.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.testing.Ports;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The CLI's contract: exit codes and one-line messages a data engineer can act on. */
class MainTest {
  private static void assertUsageError(CliRun run, String expectedInMessage) {
    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains(expectedInMessage), run.err());
  }

  @Test
  void listShowsEveryJobWithItsDescription() {
    CliRun run = CliRun.of("list");

    assertEquals(0, run.exitCode());
    assertTrue(
        run.out().lines().anyMatch(l -> l.startsWith("bronze ") && l.contains("bronze.<source>")),
        run.out());
  }

  @Test
  void noCommandIsAUsageError() {
    assertUsageError(CliRun.of(), "pulse list");
  }

  @Test
  void anUnknownJobIsAUsageError() {
    assertUsageError(CliRun.of("bronze-acount", "--run-date", "2026-01-05"), "'bronze-acount'");
  }

  @Test
  void aBadDateIsAUsageError() {
    assertUsageError(CliRun.of("bronze", "--run-date", "2026-13-01"), "2026-13-01");
  }

  @Test
  void aJobNeedsItsDates() {
    assertUsageError(CliRun.of("bronze"), "--run-date");
  }

  @Test
  void runDateAndRangeExcludeEachOther() {
    CliRun run =
        CliRun.of(
            "bronze", "--run-date", "2026-01-05", "--start", "2026-01-01", "--end", "2026-01-02");

    assertEquals(2, run.exitCode(), run.err());
  }

  @Test
  void aRangeThatEndsBeforeItStartsIsAUsageError() {
    assertUsageError(CliRun.of("bronze", "--start", "2026-01-06", "--end", "2026-01-05"), "before");
  }

  @Test
  void anUnknownConfigurationKeyIsAUsageError() {
    assertUsageError(
        CliRun.of("bronze", "--run-date", "2026-01-05", "--conf", "pulse.warehose=file:/tmp"),
        "'pulse.warehose'");
  }

  @Test
  void unreachableStorageExitsFiveNamingTheEndpoint() {
    String endpoint = Ports.deadEndpoint();
    Instant start = Instant.now();

    CliRun run =
        CliRun.of(
            "bronze",
            "--run-date",
            "2026-01-05",
            "--conf",
            "pulse.s3.endpoint=" + endpoint,
            "--conf",
            "pulse.landing=s3a://landing/landing");

    assertEquals(5, run.exitCode(), run.err());
    assertTrue(run.err().contains(endpoint), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(Duration.between(start, Instant.now()).toSeconds() < 30);
  }
}
