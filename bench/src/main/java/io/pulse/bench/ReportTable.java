package io.pulse.bench;

import io.pulse.bench.BenchReport.Result;
import io.pulse.bench.JobTimes.JobTime;
import java.io.PrintWriter;

/** The bench report as the text tables the script prints. */
public final class ReportTable {
  private ReportTable() {}

  public static void print(BenchReport report, PrintWriter out) {
    out.printf(
        "== bench: SF %s, %d days (%s..%s), %d cores%n",
        report.scaleFactor(), report.days(), report.firstDay(), report.runDate(), report.cores());
    out.printf(
        "%-12s %-23s %9s %12s %12s %10s%n",
        "job", "dates", "seconds", "rows in", "rows out", "rows/s");
    for (JobTime job : report.jobs()) {
      out.printf(
          "%-12s %-23s %9.1f %12d %12d %10.0f%n",
          job.job(), job.dates(), job.seconds(), job.rowsIn(), job.rowsOut(), job.rowsPerSecond());
    }
    if (report.backfillSeconds() == null) {
      out.println("pipeline: not run (--compare-only); job times are the warehouse's latest runs");
    } else {
      out.printf(
          "pipeline: backfill %.1f s, incremental day %.1f s (%.1f %% of the backfill)%n",
          report.backfillSeconds(), report.incrementalSeconds(), 100 * report.incrementalShare());
      out.printf(
          "peak driver heap: %.0f MiB (of -Xmx %.0f MiB)%n",
          report.peakHeapBytes() / 1048576.0, report.maxHeapBytes() / 1048576.0);
    }
    out.printf(
        "%-26s %9s %9s %7s %10s %10s %6s%n",
        "result", "Spark s", "DuckDB s", "ratio", "Spark rows", "DuckDB rows", "diffs");
    for (Result r : report.results()) {
      out.printf(
          "%-26s %9.1f %9.2f %7.1f %10d %10d %6d%n",
          r.name(),
          r.sparkSeconds(),
          r.duckdbSeconds(),
          r.ratio(),
          r.sparkRows(),
          r.duckdbRows(),
          r.differences());
      r.firstDifferences().forEach(d -> out.println("    " + d));
    }
    report.knownDifferences().forEach(k -> out.println("known difference (not failing): " + k));
    out.println(report.agree() ? "== Spark and DuckDB agree" : "== Spark and DuckDB DISAGREE");
    out.flush();
  }
}
