package io.pulse.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.testing.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** README's first command, {@code scripts/demo}, works on the packaged build. */
@Tag("slow")
class DemoScriptIT {
  @Test
  void theDemoRunsEveryJobAndShowsTheTables() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path log =
        Files.createTempFile(Files.createDirectories(root.resolve("target")), "demo-", ".log");
    ProcessBuilder demo =
        new ProcessBuilder(root.resolve("scripts/demo").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    demo.environment().put("PULSE_DEMO_S3_PORT", Integer.toString(Ports.free()));

    Process process = demo.start();
    boolean finished = process.waitFor(20, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);

    assertTrue(finished, "demo did not finish in 20 minutes:\n" + output);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.matches("(?s).*bronze\\.accounts +\\| 18 .*"), output);
    assertTrue(output.matches("(?s).*silver\\.accounts +\\| 9 .*"), output);
    assertTrue(
        output.matches("(?s).*A004 +\\| Delta Dynamics +\\| mid_market +\\| dana .*"), output);
    assertTrue(output.matches("(?s).*2026-01-06 \\| 5 +\\| unparseable .*"), output);
    assertTrue(output.contains("== demo finished"), output);
  }
}
