package io.pulse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pulse.bench.BenchReport.Result;
import io.pulse.bench.JobTimes.JobTime;
import io.pulse.common.cli.Sessions;
import io.pulse.common.config.PulseConfig;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableResolver;
import io.pulse.jobs.pipeline.PulseGraph;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Java side of scripts/bench: in this JVM (so its heap is the driver's), the pipeline backfill
 * of every day but the last, then the last day as the incremental run; then DuckDB computes the
 * compared results again from the same silver Parquet files and the two are compared.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Time the Pulse pipeline and check its gold results against DuckDB.")
public final class Bench implements Callable<Integer> {
  /** Exit code when the engines disagree (Pulse's "check failed"). */
  static final int DISAGREE = 4;

  @Option(names = "--start", required = true, description = "First day of the landing data.")
  LocalDate start;

  @Option(names = "--days", required = true, description = "Days of data, at least 2.")
  int days;

  @Option(names = "--scale-factor", required = true, description = "For the report.")
  double scaleFactor;

  @Option(names = "--conf", description = "Pulse settings key=value, as for pulse.")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(names = "--sql-dir", required = true, description = "bench/duckdb.")
  Path sqlDir;

  @Option(names = "--results-dir", required = true, description = "Where the JSON goes.")
  Path resultsDir;

  @Option(
      names = "--jobs",
      split = ",",
      description =
          "Run only these jobs of the pipeline (in its order, each as `pulse <job>` in this JVM)"
              + " instead of `pulse pipeline`: for a quick check of the comparison.")
  List<String> jobs = new ArrayList<>();

  @Option(
      names = "--compare-only",
      description = "Skip the pipeline: compare what the warehouse holds (for work on the SQL).")
  boolean compareOnly;

  @Option(names = "--show", defaultValue = "5", description = "Differing rows shown per result.")
  int show;

  public static void main(String[] args) {
    System.exit(
        new CommandLine(new Bench())
            .setExitCodeExceptionMapper(e -> e instanceof PipelineFailed p ? p.exitCode : 1)
            .execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (days < 2) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--days must be at least 2");
    }
    List<String> unknown = jobs.stream().filter(j -> !PulseGraph.DAILY.contains(j)).toList();
    if (!unknown.isEmpty()) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "no pipeline job " + String.join(", ", unknown));
    }
    LocalDate runDate = start.plusDays(days - 1L);
    LocalDate backfillEnd = runDate.minusDays(1);
    HeapPeak heap = HeapPeak.watch();
    Double backfill = null;
    Double incremental = null;
    Long peakHeap = null;
    if (!compareOnly) {
      backfill = pipeline("--start", start.toString(), "--end", backfillEnd.toString());
      incremental = pipeline("--run-date", runDate.toString());
      peakHeap = heap.bytes();
    }

    PulseConfig config = PulseConfig.of("local", conf);
    SparkSession spark = Sessions.open(config);
    TableResolver tables = new TableResolver(config.warehouse());
    List<JobTime> jobs = JobTimes.read(spark, tables.resolve(Layer.OPS, "job_runs").location());

    List<Result> results = new ArrayList<>();
    try (DuckDbRunner duck = DuckDbRunner.open()) {
      // the variables first: macros.sql reads them
      duck.setDate("first_day", start);
      duck.setDate("backfill_end", backfillEnd);
      duck.setDate("run_date", runDate);
      duck.runScript(sqlDir.resolve("macros.sql"));
      for (String entity : ComparedResult.SILVER_INPUTS) {
        String location = tables.resolve(Layer.SILVER, entity).location();
        duck.createView("silver_" + entity, SnapshotFiles.of(spark, location));
      }
      Map<String, Double> fileSeconds = new HashMap<>();
      for (String file : ComparedResult.sqlFilesInOrder()) {
        fileSeconds.put(file, duck.createTable("duck_" + file, sqlDir.resolve(file + ".sql")));
      }
      ResultComparer comparer = new ResultComparer(duck.connection());
      for (ComparedResult result : ComparedResult.ALL) {
        String location = tables.resolve(Layer.GOLD, result.goldTable()).location();
        duck.createView(result.sparkView(), SnapshotFiles.of(spark, location));
        ResultComparer.Outcome outcome =
            comparer.compare(
                "(SELECT * FROM " + result.sparkView() + " WHERE " + result.sparkFilter() + ")",
                result.duckTable(),
                result.columns(),
                show);
        // the latest backfill run of each job (a kept warehouse may hold earlier ones)
        Map<String, Double> latestBackfill = new HashMap<>();
        jobs.stream()
            .filter(j -> j.dates().equals(JobTimes.dates(start, backfillEnd)))
            .forEach(j -> latestBackfill.put(j.job(), j.seconds()));
        double sparkSeconds =
            result.sparkJobs().stream().mapToDouble(j -> latestBackfill.getOrDefault(j, 0.0)).sum();
        double duckSeconds = result.sqlFiles().stream().mapToDouble(fileSeconds::get).sum();
        results.add(
            new Result(
                result.name(),
                sparkSeconds,
                result.sparkJobs(),
                duckSeconds,
                result.sqlFiles(),
                duckSeconds > 0 ? sparkSeconds / duckSeconds : 0,
                outcome.sparkRows(),
                outcome.duckRows(),
                outcome.differences(),
                outcome.first()));
      }
    }
    boolean agree = results.stream().allMatch(r -> r.differences() == 0);
    BenchReport report =
        new BenchReport(
            LocalDate.now(ZoneOffset.UTC).toString(),
            scaleFactor,
            days,
            start.toString(),
            backfillEnd.toString(),
            runDate.toString(),
            Runtime.getRuntime().availableProcessors(),
            backfill,
            incremental,
            compareOnly ? null : incremental / backfill,
            peakHeap,
            Runtime.getRuntime().maxMemory(),
            jobs,
            results,
            List.of(),
            agree);
    Path json = write(report);
    PrintWriter out = new PrintWriter(System.out, true);
    ReportTable.print(report, out);
    out.println("results: " + json);
    return agree ? 0 : DISAGREE;
  }

  /**
   * Runs {@code pulse pipeline} (or the --jobs, one by one) with the dates in this JVM; returns the
   * wall seconds.
   */
  private double pipeline(String... dates) {
    long started = System.nanoTime();
    if (jobs.isEmpty()) {
      pulse("pipeline", dates);
    } else {
      for (String job : PulseGraph.DAILY.order()) {
        if (jobs.contains(job)) {
          pulse(job, dates);
        }
      }
    }
    return (System.nanoTime() - started) / 1e9;
  }

  private void pulse(String command, String... dates) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of(dates));
    conf.forEach((k, v) -> args.addAll(List.of("--conf", k + "=" + v)));
    int exit = io.pulse.jobs.Main.execute(args.toArray(String[]::new));
    if (exit != 0) {
      throw new PipelineFailed(String.join(" ", args), exit);
    }
  }

  private Path write(BenchReport report) throws java.io.IOException {
    Files.createDirectories(resultsDir);
    String sf = String.valueOf(scaleFactor).replaceAll("\\.0$", "");
    Path json = resultsDir.resolve(report.date() + "-sf" + sf + ".json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
    return json;
  }

  /** The pipeline ended with a failed step: the bench stops with its exit code. */
  static final class PipelineFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    PipelineFailed(String command, int exitCode) {
      super("pulse " + command + " failed with exit " + exitCode);
      this.exitCode = exitCode;
    }
  }
}
