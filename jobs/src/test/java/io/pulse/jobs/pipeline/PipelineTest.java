package io.pulse.jobs.pipeline;

import static io.pulse.jobs.pipeline.FakeJob.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pulse.common.error.CheckFailedException;
import io.pulse.common.error.InputMissingException;
import io.pulse.common.job.RunDates;
import io.pulse.jobs.pipeline.StepOutcome.Status;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's decisions on fake jobs with steps kept in memory (JobRunStepsTest does the same on
 * a real ops.job_runs). Graph: a; b after a; c after a; d after b. So c is independent of b, and d
 * depends on a only through b.
 */
class PipelineTest {
  private static final JobGraph GRAPH =
      JobGraph.builder().job("a").job("b", "a").job("c", "a").job("d", "b").build();
  private static final RunDates DAY = RunDates.of(LocalDate.parse("2026-03-01"));

  private final RecordingSteps steps = new RecordingSteps();
  private final Pipeline pipeline =
      new Pipeline(GRAPH, List.of(job("d"), job("c"), job("b"), job("a"), job("unused")));

  @Test
  void firstRunRunsEveryStepInOrderAndARerunSkipsThemAll() {
    PipelineReport first = run(DAY, false);
    assertEquals(List.of("a", "b", "c", "d"), steps.takeCalls());
    assertEquals(List.of("a", "b", "c", "d"), first.jobs(Status.SUCCEEDED));
    assertEquals(0, first.exitCode());

    PipelineReport second = run(DAY, false);
    assertEquals(List.of(), steps.takeCalls());
    assertEquals(List.of("a", "b", "c", "d"), second.jobs(Status.SKIPPED));
    assertEquals("done: succeeded at 2026-04-01T00:00:02Z", second.steps().get(0).reason());

    // Done is per exact dates: a range holding the day is another run.
    run(new RunDates(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02")), false);
    assertEquals(List.of("a", "b", "c", "d"), steps.takeCalls());
  }

  @Test
  void forceRunsDoneSteps() {
    run(DAY, false);
    steps.takeCalls();
    PipelineReport forced = run(DAY, true);
    assertEquals(List.of("a", "b", "c", "d"), steps.takeCalls());
    assertEquals("--force", forced.steps().get(3).reason());
  }

  @Test
  void failedStepBlocksItsDependentsOnlyAndGivesItsExitCode() {
    steps.failures.put("b", new CheckFailedException("b: check failed"));
    PipelineReport report = run(DAY, false);
    assertEquals(List.of("a", "b", "c"), steps.takeCalls());
    assertEquals(List.of("a", "c"), report.jobs(Status.SUCCEEDED));
    assertEquals(List.of("b"), report.jobs(Status.FAILED));
    assertEquals(List.of("d"), report.jobs(Status.BLOCKED));
    assertEquals(4, report.exitCode());
    assertEquals("b: check failed", report.steps().get(1).reason());
    assertEquals("not run: upstream b failed", report.steps().get(3).reason());

    // Fixed, the rerun does only what is left: b, then d.
    steps.failures.clear();
    PipelineReport rerun = run(DAY, false);
    assertEquals(List.of("b", "d"), steps.takeCalls());
    assertEquals(List.of("a", "c"), rerun.jobs(Status.SKIPPED));
    assertEquals(0, rerun.exitCode());
  }

  @Test
  void exitCodeIsTheFirstFailedStepsAndAnUnexpectedErrorIsOne() {
    steps.failures.put("c", new InputMissingException("c: input missing"));
    steps.failures.put("d", new CheckFailedException("d: check failed"));
    PipelineReport both = run(DAY, false);
    // c fails before d in run order: its exit 3 wins over d's 4.
    assertEquals(List.of("c", "d"), both.jobs(Status.FAILED));
    assertEquals(3, both.exitCode());

    steps.failures.clear();
    steps.failures.put("a", new IllegalStateException("bug"));
    PipelineReport unexpected = run(RunDates.of(LocalDate.parse("2026-03-02")), false);
    assertEquals(1, unexpected.exitCode());
    assertEquals(List.of("b", "c", "d"), unexpected.jobs(Status.BLOCKED));
    assertEquals("not run: upstream b blocked", unexpected.steps().get(3).reason());
  }

  @Test
  void aStepRerunsWhenItsUpstreamRanSinceItsLastSuccess() {
    run(DAY, false);
    // A forced run failing at b reruns a and c: d's success is now older than a's, b's missing.
    steps.failures.put("b", new CheckFailedException("b: check failed"));
    run(DAY, true);
    steps.failures.clear();
    steps.takeCalls();
    PipelineReport afterFailure = run(DAY, false);
    assertEquals(List.of("b", "d"), steps.takeCalls());
    assertEquals("upstream a succeeded after its last run", afterFailure.steps().get(1).reason());
    assertEquals("upstream b ran", afterFailure.steps().get(3).reason());

    // a rerun alone (pulse a --run-date D) makes b and c stale, and d after b.
    steps.run(job("a"), DAY);
    steps.takeCalls();
    PipelineReport afterManual = run(DAY, false);
    assertEquals(List.of("b", "c", "d"), steps.takeCalls());
    assertEquals(List.of("a"), afterManual.jobs(Status.SKIPPED));
  }

  @Test
  void dryRunPlansWithoutRunning() {
    run(DAY, false);
    steps.run(job("a"), DAY);
    steps.takeCalls();
    steps.failures.put("b", new CheckFailedException("would fail"));
    PipelineReport plan = pipeline.run(DAY, false, true, steps);
    assertEquals(List.of(), steps.takeCalls());
    assertEquals(List.of("a"), plan.jobs(Status.SKIPPED));
    assertEquals(List.of("b", "c", "d"), plan.jobs(Status.PLANNED));
    assertEquals("would run: upstream b ran", plan.steps().get(3).reason());

    PipelineReport forced = pipeline.run(DAY, true, true, steps);
    assertEquals(List.of(), steps.takeCalls());
    assertEquals(List.of("a", "b", "c", "d"), forced.jobs(Status.PLANNED));
  }

  @Test
  void eachDayRunsDatesInOrderAndStopsAfterTheFirstFailedDate() {
    steps.failures.put("d", new CheckFailedException("d: check failed"));
    RunDates threeDays = new RunDates(LocalDate.parse("2026-03-25"), LocalDate.parse("2026-03-27"));
    List<PipelineReport> reports = pipeline.runEachDay(threeDays, false, false, steps);
    assertEquals(1, reports.size());
    assertEquals(
        List.of("a 2026-03-25", "b 2026-03-25", "c 2026-03-25", "d 2026-03-25"), steps.calls);

    steps.failures.clear();
    steps.calls.clear();
    List<PipelineReport> fixed = pipeline.runEachDay(threeDays, false, false, steps);
    assertEquals(3, fixed.size());
    assertEquals(
        List.of(
            "d 2026-03-25",
            "a 2026-03-26",
            "b 2026-03-26",
            "c 2026-03-26",
            "d 2026-03-26",
            "a 2026-03-27",
            "b 2026-03-27",
            "c 2026-03-27",
            "d 2026-03-27"),
        steps.calls);
  }

  @Test
  void everyJobOfTheGraphMustBeInTheCatalogue() {
    var missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Pipeline(GRAPH, List.of(job("a"), job("b"), job("c"))));
    assertEquals("the job graph names d, which is no job", missing.getMessage());
  }

  private PipelineReport run(RunDates dates, boolean force) {
    return pipeline.run(dates, force, false, steps);
  }
}
