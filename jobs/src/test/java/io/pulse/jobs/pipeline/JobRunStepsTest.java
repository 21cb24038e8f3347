package io.pulse.jobs.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.pulse.common.error.CheckFailedException;
import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobRuns;
import io.pulse.common.job.RunDates;
import io.pulse.common.table.DeltaWriter;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.JobTestWarehouse;
import io.pulse.jobs.pipeline.StepOutcome.Status;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's skip rule on a real ops.job_runs in a private warehouse: fake jobs a and b (after
 * a) run through JobRunner, which records them; a rerun finds them done, a failed run is not done,
 * and a success for one day does not make a range done.
 */
@SparkTest
class JobRunStepsTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final JobTestWarehouse warehouse = new JobTestWarehouse("pipeline-steps");
  private static final JobGraph GRAPH = JobGraph.builder().job("a").job("b", "a").build();

  private final List<String> calls = new ArrayList<>();
  private boolean bFails;
  private final JobRunSteps steps =
      new JobRunSteps(
          (dates, runId) ->
              new JobContext(
                  spark,
                  SparkTestSession.config(),
                  dates,
                  runId,
                  false,
                  warehouse.tables(),
                  new DeltaWriter(spark, warehouse.tables())));
  private final Pipeline pipeline = new Pipeline(GRAPH, List.of(job("a"), job("b")));

  @AfterAll
  static void forgetJobRunsTable() {
    // JobRunner registered ops.job_runs at our location unless another test had: unregister ours.
    if (spark.catalog().tableExists("ops.job_runs")) {
      String registered = spark.sql("DESCRIBE DETAIL ops.job_runs").first().getAs("location");
      if (path(registered).equals(path(warehouse.tables().resolve(JobRuns.TABLE).location()))) {
        spark.sql("DROP TABLE ops.job_runs");
      }
    }
  }

  @Test
  void recordedSuccessesForTheSameDatesAreSkippedFailuresAreNot() {
    RunDates day = RunDates.of(LocalDate.parse("2026-03-01"));
    assertEquals(List.of("a", "b"), pipeline.run(day, false, false, steps).jobs(Status.SUCCEEDED));
    assertEquals(List.of("a", "b"), calls);
    List<Row> recorded =
        warehouse
            .read(JobRuns.TABLE)
            .orderBy("started_at")
            .select("job", "status", "exit_code", "run_date_start", "run_date_end")
            .collectAsList();
    assertEquals(
        List.of("[a,succeeded,0,2026-03-01,2026-03-01]", "[b,succeeded,0,2026-03-01,2026-03-01]"),
        recorded.stream().map(Row::toString).toList());

    calls.clear();
    PipelineReport rerun = pipeline.run(day, false, false, steps);
    assertEquals(List.of(), calls);
    assertEquals(List.of("a", "b"), rerun.jobs(Status.SKIPPED));
    Map<String, JobRunLedger.LastSuccess> last = steps.lastSuccesses(day, GRAPH.order());
    assertFalse(last.get("b").startedAt().before(last.get("a").finishedAt()));

    // A range holding the day is other run dates: nothing is done for it.
    RunDates range = new RunDates(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02"));
    assertEquals(Map.of(), steps.lastSuccesses(range, GRAPH.order()));

    // b fails on another day (recorded, exit 4); once fixed, only b runs.
    RunDates other = RunDates.of(LocalDate.parse("2026-03-05"));
    bFails = true;
    calls.clear();
    assertEquals(4, pipeline.run(other, false, false, steps).exitCode());
    assertEquals(
        1L,
        warehouse
            .read(JobRuns.TABLE)
            .where(col("job").equalTo("b").and(col("status").equalTo("failed")))
            .where(col("exit_code").equalTo(4))
            .count());
    bFails = false;
    calls.clear();
    PipelineReport fixed = pipeline.run(other, false, false, steps);
    assertEquals(List.of("b"), calls);
    assertEquals(List.of("a"), fixed.jobs(Status.SKIPPED));
  }

  /** A fake job that records its call; b throws a failed check while {@link #bFails}. */
  private Job job(String name) {
    return FakeJob.job(
        name,
        () -> {
          calls.add(name);
          if (name.equals("b") && bFails) {
            throw new CheckFailedException("b: check failed");
          }
        });
  }

  private static Path path(String location) {
    return Path.of(URI.create(location)).normalize();
  }
}
