package io.pulse.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pulse.jobs.CliRun;
import org.junit.jupiter.api.Test;

/**
 * {@code pulse serve} refuses bad settings before it starts Spark; serving itself is tested end to
 * end in connect-it (ServeConnectIT).
 */
class ServeCommandTest {
  @Test
  void aPortOutOfRangeIsAUsageError() {
    CliRun run = CliRun.of("serve", "--port", "0");

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("--port 0 is not a port"), run.err());
  }

  @Test
  void bindingBeyondLoopbackNeedsAToken() {
    assumeTrue(System.getenv(ServeCommand.TOKEN_ENV) == null, "a token is set in this environment");

    CliRun run = CliRun.of("serve", "--host", "0.0.0.0");

    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains(ServeCommand.TOKEN_ENV), run.err());
  }
}
