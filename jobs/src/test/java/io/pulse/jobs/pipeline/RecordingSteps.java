package io.pulse.jobs.pipeline;

import io.pulse.common.job.Job;
import io.pulse.common.job.RunDates;
import io.pulse.jobs.pipeline.JobRunLedger.LastSuccess;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pipeline steps in memory for tests: records each call, throws the failure set for a job, and
 * keeps the last success per job and dates the way ops.job_runs would, on a clock that moves one
 * second per event so that "started after" is never a tie.
 */
final class RecordingSteps implements PipelineSteps {
  /** The jobs run, in order, with their dates: "a 2026-03-01". */
  final List<String> calls = new ArrayList<>();

  /** Per job, the failure it throws instead of succeeding; absent: it succeeds. */
  final Map<String, RuntimeException> failures = new HashMap<>();

  private final Map<String, LastSuccess> successes = new HashMap<>();
  private long clock;

  @Override
  public Map<String, LastSuccess> lastSuccesses(RunDates dates, Collection<String> jobs) {
    Map<String, LastSuccess> found = new HashMap<>();
    for (String job : jobs) {
      LastSuccess last = successes.get(job + " " + dates);
      if (last != null) {
        found.put(job, last);
      }
    }
    return found;
  }

  @Override
  public void run(Job job, RunDates dates) {
    Timestamp started = tick();
    calls.add(job.name() + " " + dates);
    RuntimeException failure = failures.get(job.name());
    if (failure != null) {
      throw failure;
    }
    successes.put(job.name() + " " + dates, new LastSuccess(started, tick()));
  }

  /** The job names called, without dates, and forgets them. */
  List<String> takeCalls() {
    List<String> names = calls.stream().map(c -> c.substring(0, c.indexOf(' '))).toList();
    calls.clear();
    return names;
  }

  private Timestamp tick() {
    clock++;
    return Timestamp.from(Instant.parse("2026-04-01T00:00:00Z").plusSeconds(clock));
  }
}
