package io.pulse.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulse.common.job.Job;
import io.pulse.jobs.CliRun;
import io.pulse.jobs.JobCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The declared daily graph: it covers the job catalogue (a new job must be put in the graph or
 * excluded with a reason), its edges are the tables each job reads, and `pulse graph` prints it.
 */
class PulseGraphTest {
  @Test
  void everyCatalogueJobIsInTheGraphOrExcludedWithAReason() {
    Set<String> catalogue =
        JobCatalog.all().stream().map(Job::name).collect(Collectors.toCollection(TreeSet::new));
    List<String> problems = new ArrayList<>();
    for (String job : catalogue) {
      boolean inGraph = PulseGraph.DAILY.contains(job);
      boolean excluded = PulseGraph.NOT_DAILY.containsKey(job);
      if (inGraph == excluded) {
        problems.add(
            job
                + (inGraph
                    ? " is both in PulseGraph.DAILY and in NOT_DAILY"
                    : " is neither in PulseGraph.DAILY nor in PulseGraph.NOT_DAILY"));
      }
    }
    PulseGraph.DAILY.order().stream()
        .filter(j -> !catalogue.contains(j))
        .forEach(j -> problems.add(j + " is in the graph but not in JobCatalog"));
    PulseGraph.NOT_DAILY.keySet().stream()
        .filter(j -> !catalogue.contains(j))
        .forEach(j -> problems.add(j + " is excluded from the graph but not in JobCatalog"));
    PulseGraph.NOT_DAILY.forEach(
        (j, why) -> {
          if (why.isBlank()) {
            problems.add(j + " is excluded without a reason");
          }
        });
    assertEquals(List.of(), problems);
  }

  @Test
  void edgesAreTheTablesEachJobReads() {
    JobGraph graph = PulseGraph.DAILY;
    assertEquals(List.of(), graph.upstream("bronze"));
    assertEquals(List.of("bronze"), graph.upstream("silver"));
    for (String job : List.of("revenue", "usage", "experience", "support", "engagement")) {
      assertEquals(List.of("silver"), graph.upstream(job), job);
    }
    assertEquals(List.of("silver", "revenue"), graph.upstream("onboarding"));
    assertEquals(List.of("silver", "revenue"), graph.upstream("cohorts"));
    assertEquals(
        List.of("revenue", "usage", "experience", "support", "engagement"),
        graph.upstream("health"));
    assertEquals(
        List.of(
            "bronze",
            "silver",
            "revenue",
            "usage",
            "cohorts",
            "experience",
            "support",
            "engagement",
            "onboarding",
            "health",
            "alerts"),
        graph.order());
    assertEquals(
        List.of(
            "silver",
            "revenue",
            "usage",
            "experience",
            "support",
            "engagement",
            "onboarding",
            "health"),
        graph.upstream("alerts"));
  }

  @Test
  void graphCommandPrintsTextAndJson() throws Exception {
    CliRun text = CliRun.of("graph");
    assertEquals(0, text.exitCode(), text.err());
    assertEquals(PulseGraph.DAILY.toText(), text.out());
    assertTrue(
        text.out().contains("health      <- revenue, usage, experience, support, engagement\n"));

    CliRun json = CliRun.of("graph", "--format", "json");
    assertEquals(0, json.exitCode(), json.err());
    ObjectMapper mapper = new ObjectMapper();
    assertEquals(mapper.readTree(PulseGraph.DAILY.toJson()), mapper.readTree(json.out()));
    assertEquals("bronze", mapper.readTree(json.out()).path("jobs").path(0).path("name").asText());

    assertEquals(2, CliRun.of("graph", "--format", "yaml").exitCode());
  }

  @Test
  void pipelineWithoutDatesIsAUsageErrorBeforeSparkStarts() {
    CliRun run = CliRun.of("pipeline", "--force");
    assertEquals(2, run.exitCode(), run.err());
    assertEquals(List.of("pulse pipeline: give --run-date D or --start D --end D"), run.errLines());
  }

  @Test
  void docsShowTheGraphAsPrinted() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "pipeline.md"));
    assertTrue(
        docs.contains("$ scripts/pulse graph\n" + PulseGraph.DAILY.toText() + "```"),
        "docs/pipeline.md must show `pulse graph` as it prints now:\n" + PulseGraph.DAILY.toText());
  }
}
