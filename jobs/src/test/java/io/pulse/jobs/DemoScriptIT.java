package io.pulse.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.testing.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    // every table the jobs write holds rows (the generator's data has every source)
    for (String table :
        List.of(
            "bronze\\.usage_events",
            "silver\\.accounts",
            "silver\\.usage_events_quarantine",
            "gold\\.dim_account",
            "gold\\.fct_mrr_daily",
            "gold\\.kpi_monthly",
            "gold\\.cohort_retention_monthly",
            "gold\\.usage_cohort_retention_monthly",
            "gold\\.fct_account_usage_daily",
            "gold\\.fct_success_goal_daily",
            "gold\\.fct_survey_response",
            "gold\\.agg_account_experience_daily",
            "gold\\.fct_ticket",
            "gold\\.agg_support_daily",
            "gold\\.agg_stakeholder_daily",
            "gold\\.onboarding_milestones",
            "gold\\.account_health_daily")) {
      assertTrue(output.matches("(?s).*" + table + " +\\| [1-9].*"), table + "\n" + output);
    }
    // the reconciliation balances for every entity, and the injected bad rows are explained
    assertTrue(
        output.matches("(?s).*usage_events +\\| \\d+ +\\| \\d+ +\\| \\d+ +\\| \\d+ +\\| true.*"),
        output);
    assertTrue(
        !output.matches("(?s).*\\n\\w+ +(\\| \\d+ +){4}\\| false.*"), "unbalanced:\n" + output);
    assertTrue(output.matches("(?s).*unparseable +\\| [1-9].*"), output);
    assertTrue(output.contains("== demo finished"), output);
    // it ends with the HTML report, written where it says
    assertTrue(Files.size(root.resolve("target/demo/report/report.html")) > 100_000, output);
  }
}
