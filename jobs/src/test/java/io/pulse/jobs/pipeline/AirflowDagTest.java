package io.pulse.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulse.common.testing.TestDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * scripts/airflow/pulse_dag.py checked without Airflow: scripts/airflow/check_dag.py reads it with
 * Python's ast and prints its tasks; they must be the jobs of `pulse graph` with the same upstream
 * jobs, each submitting its own job with --run-date {{ ds }}, in a DAG with catchup, retries with
 * backoff and an SLA. Mutated copies of the DAG show the comparison catches a missing edge, a wrong
 * argument and logic the checker cannot see through.
 */
class AirflowDagTest {
  private static final Path AIRFLOW = Path.of("..", "scripts", "airflow");
  private static final Path DAG = AIRFLOW.resolve("pulse_dag.py");
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void needsPython() {
    assumeTrue(pythonWorks(), "python3 is not installed: the static DAG check is skipped");
  }

  @Test
  void dagHasTheTasksAndEdgesOfPulseGraph() throws Exception {
    Checked checked = check(Files.readString(DAG));
    assertEquals(0, checked.exitCode(), checked.err());
    JsonNode dag = JSON.readTree(checked.out());
    assertEquals(List.of(), problems(dag));
    assertEquals("pulse_daily", dag.path("dag_id").asText());
  }

  @Test
  void dagRunsDailyWithCatchupRetriesBackoffAndAnSla() throws Exception {
    JsonNode dag = JSON.readTree(check(Files.readString(DAG)).out());
    assertEquals("@daily", dag.path("schedule").asText());
    assertTrue(dag.path("catchup").asBoolean(), "catchup must be on for backfills");
    List<String> defaults = new ArrayList<>();
    dag.path("default_args").forEach(k -> defaults.add(k.asText()));
    assertTrue(
        defaults.containsAll(
            List.of(
                "retries",
                "retry_delay",
                "retry_exponential_backoff",
                "sla",
                "conn_id",
                "application",
                "java_class")),
        defaults.toString());
  }

  @Test
  void aMissingEdgeOrAWrongRunDateIsCaught() throws Exception {
    String dag = Files.readString(DAG);
    String noEdge = replaceOnce(dag, "    revenue >> onboarding\n", "");
    assertEquals(
        List.of("onboarding: upstream [silver] in the DAG, [revenue, silver] in pulse graph"),
        problems(JSON.readTree(check(noEdge).out())));

    String wrongDate =
        replaceOnce(
            dag,
            "\"usage\", \"--run-date\", \"{{ ds }}\"",
            "\"usage\", \"--run-date\", \"{{ ts }}\"");
    assertEquals(
        List.of("usage: application_args must start with usage --run-date {{ ds }}"),
        problems(JSON.readTree(check(wrongDate).out())));

    String extraEdge = dag + "    usage >> onboarding\n";
    assertEquals(
        List.of(
            "onboarding: upstream [revenue, silver, usage] in the DAG, [revenue, silver] in pulse"
                + " graph"),
        problems(JSON.readTree(check(extraEdge).out())));
  }

  @Test
  void logicTheCheckerCannotSeeIsRejected() throws Exception {
    String dag = Files.readString(DAG);
    Checked loop = check(dag + "    for extra in [usage, support]:\n        extra >> health\n");
    assertEquals(1, loop.exitCode());
    assertTrue(loop.err().contains("For is not allowed"), loop.err());

    Checked unknown = check(dag + "    usage >> reports\n");
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.err().contains("reports is not a task defined above"), unknown.err());
  }

  /** Differences between the checked DAG and `pulse graph --format json`, one line each. */
  private static List<String> problems(JsonNode dag) throws IOException {
    Map<String, TreeSet<String>> expected = new TreeMap<>();
    for (JsonNode job : JSON.readTree(PulseGraph.DAILY.toJson()).path("jobs")) {
      expected.put(job.path("name").asText(), names(job.path("upstream")));
    }
    Map<String, TreeSet<String>> actual = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (JsonNode task : dag.path("tasks")) {
      String id = task.path("task_id").asText();
      actual.put(id, names(task.path("upstream")));
      List<String> args = new ArrayList<>();
      task.path("application_args").forEach(a -> args.add(a.asText()));
      if (args.size() < 3 || !args.subList(0, 3).equals(List.of(id, "--run-date", "{{ ds }}"))) {
        problems.add(id + ": application_args must start with " + id + " --run-date {{ ds }}");
      }
    }
    if (!actual.keySet().equals(expected.keySet())) {
      problems.add(
          "tasks "
              + actual.keySet()
              + " in the DAG, jobs "
              + expected.keySet()
              + " in pulse graph");
    }
    expected.forEach(
        (job, upstream) -> {
          TreeSet<String> inDag = actual.get(job);
          if (inDag != null && !inDag.equals(upstream)) {
            problems.add(
                job + ": upstream " + inDag + " in the DAG, " + upstream + " in pulse graph");
          }
        });
    Collections.sort(problems);
    return problems;
  }

  private static TreeSet<String> names(JsonNode array) {
    TreeSet<String> names = new TreeSet<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }

  private static String replaceOnce(String text, String target, String replacement) {
    assertTrue(text.contains(target), "the DAG no longer contains: " + target);
    return text.replace(target, replacement);
  }

  private record Checked(int exitCode, String out, String err) {}

  /** Runs check_dag.py on {@code dagSource} written to a fresh file. */
  private static Checked check(String dagSource) throws Exception {
    Path file = TestDirs.unique("airflow-dag").resolve("pulse_dag.py");
    Files.writeString(file, dagSource);
    Path outFile = file.resolveSibling("out.json");
    Path errFile = file.resolveSibling("err.txt");
    Process process =
        new ProcessBuilder("python3", AIRFLOW.resolve("check_dag.py").toString(), file.toString())
            .redirectOutput(outFile.toFile())
            .redirectError(errFile.toFile())
            .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "check_dag.py did not finish");
    return new Checked(
        process.exitValue(),
        Files.readString(outFile, StandardCharsets.UTF_8),
        Files.readString(errFile, StandardCharsets.UTF_8));
  }

  private static boolean pythonWorks() {
    try {
      Process process =
          new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
