package io.pulse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/bench} works on the packaged build and Pulse and DuckDB agree: SF 0.01, two days
 * (a backfill day and an incremental day), only the jobs the compared results come from.
 */
@Tag("slow")
class BenchScriptIT {
  @Test
  void pulseAndDuckDbAgreeOnASmallRun() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Path results = root.resolve("bench/target/bench-it-results");
    Path log =
        Files.createTempFile(Files.createDirectories(root.resolve("target")), "bench-", ".log");
    Process bench =
        new ProcessBuilder(
                root.resolve("scripts/bench").toString(),
                "--scale-factor",
                "0.01",
                "--days",
                "2",
                "--jobs",
                "bronze,silver,revenue,usage,cohorts",
                "--results-dir",
                results.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = bench.waitFor(30, TimeUnit.MINUTES);
    if (!finished) {
      bench.destroyForcibly();
    }
    String output = Files.readString(log);

    assertTrue(finished, "bench did not finish in 30 minutes:\n" + output);
    assertEquals(0, bench.exitValue(), output);
    assertTrue(output.contains("== Spark and DuckDB agree"), output);
    Path json;
    try (Stream<Path> files = Files.list(results)) {
      json = files.filter(f -> f.toString().endsWith("-sf0.01.json")).findFirst().orElseThrow();
    }
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertTrue(report.get("agree").asBoolean(), output);
    long peakHeap = report.get("peakHeapBytes").asLong();
    assertTrue(peakHeap > 0 && peakHeap <= report.get("maxHeapBytes").asLong(), output);
    // each job ran twice (the backfill day, then the incremental day), each with its time
    assertEquals(10, report.get("jobs").size(), output);
    List<String> compared =
        List.of(
            "fct_mrr_monthly",
            "kpi_monthly",
            "cohort_retention_monthly",
            "fct_account_usage_daily");
    assertEquals(compared.size(), report.get("results").size(), output);
    for (JsonNode result : report.get("results")) {
      assertTrue(compared.contains(result.get("name").asText()), output);
      assertEquals(0, result.get("differences").asLong(), output);
      assertEquals(result.get("sparkRows").asLong(), result.get("duckdbRows").asLong(), output);
      assertTrue(result.get("sparkSeconds").asDouble() > 0, output);
      assertTrue(result.get("duckdbSeconds").asDouble() > 0, output);
    }
    // the comparison compared something: MRR rows exist from the first day on
    assertTrue(report.get("results").get(0).get("sparkRows").asLong() > 0, output);
  }
}
