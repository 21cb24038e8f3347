package io.pulse.bench;

import io.pulse.bench.JobTimes.JobTime;
import java.util.List;

/**
 * What one bench run measured: written as JSON and printed as a table. The pipeline's wall times
 * and the peak heap are null when the run did not run the pipeline ({@code --compare-only}); the
 * job times then come from the warehouse's latest runs.
 */
public record BenchReport(
    String date,
    double scaleFactor,
    int days,
    String firstDay,
    String backfillEnd,
    String runDate,
    int cores,
    Double backfillSeconds,
    Double incrementalSeconds,
    Double incrementalShare,
    Long peakHeapBytes,
    long maxHeapBytes,
    List<JobTime> jobs,
    List<Result> results,
    List<String> knownDifferences,
    boolean agree) {

  /** One compared result: both engines' times and the comparison. */
  public record Result(
      String name,
      double sparkSeconds,
      List<String> sparkJobs,
      double duckdbSeconds,
      List<String> duckdbFiles,
      double ratio,
      long sparkRows,
      long duckdbRows,
      long differences,
      List<String> firstDifferences) {}
}
