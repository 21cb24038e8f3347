package io.pulse.generator;

import io.pulse.common.cli.ConfigOptions;
import io.pulse.common.config.PulseConfig;
import io.pulse.common.spark.S3aSettings;
import io.pulse.generator.output.LandingOutput;
import io.pulse.generator.output.Source;
import io.pulse.generator.output.SourceStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulse generate}: writes a deterministic synthetic landing zone, with planted churn truth
 * under {@code _truth/}, to a local folder or S3.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate synthetic landing data (every source, partitioned by delivery date) with planted"
          + " churn drivers and, on request, bad rows; the truth goes to <out>/_truth/.",
      "Same seed, scale factor, dates and bad-row rate give byte-identical output."
    })
public final class GenerateCommand implements Callable<Integer> {
  @Option(
      names = "--scale-factor",
      required = true,
      paramLabel = "SF",
      description = "Size: 1 is about 1,000 accounts and 20,000 users; fractions work (0.01).")
  double scaleFactor;

  @Option(names = "--seed", required = true, paramLabel = "N", description = "Random seed.")
  long seed;

  @Option(
      names = "--start",
      required = true,
      paramLabel = "D",
      description = "First delivery date, YYYY-MM-DD.")
  LocalDate start;

  @Option(
      names = "--end",
      required = true,
      paramLabel = "D",
      description = "Last delivery date (inclusive).")
  LocalDate end;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "URI",
      description = "Landing root: file:///path, a local path, or s3a://bucket/prefix.")
  String out;

  @Option(
      names = "--bad-row-rate",
      defaultValue = "0",
      paramLabel = "R",
      description = "Bad rows injected per good row, per source (default: ${DEFAULT-VALUE}).")
  double badRowRate;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Generator threads (default: the number of cores); output does not depend on it.")
  Integer threads;

  @Mixin ConfigOptions configOptions;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    GeneratorSpec generatorSpec =
        new GeneratorSpec(
            scaleFactor,
            seed,
            start,
            end,
            out,
            badRowRate,
            threads != null ? threads : Runtime.getRuntime().availableProcessors());
    PulseConfig config = configOptions.load();
    Configuration hadoop = new Configuration();
    S3aSettings.of(config.s3()).forEach(hadoop::set);
    long began = System.nanoTime();
    Map<Source, SourceStats> stats;
    String root;
    try (LandingOutput output = LandingOutput.open(out, hadoop)) {
      root = output.uri();
      stats = new LandingGenerator(generatorSpec, output).run();
    }
    report(root, stats, Duration.ofNanos(System.nanoTime() - began));
    return 0;
  }

  private void report(String root, Map<Source, SourceStats> stats, Duration took) {
    PrintWriter w = spec.commandLine().getOut();
    w.printf("%-14s %10s %12s %10s %14s%n", "source", "partitions", "rows", "bad_rows", "bytes");
    long rows = 0;
    long bad = 0;
    long bytes = 0;
    for (Map.Entry<Source, SourceStats> e : stats.entrySet()) {
      SourceStats s = e.getValue();
      w.printf(
          "%-14s %10d %12d %10d %14d%n",
          e.getKey().dirName(), s.partitions(), s.rows(), s.badRows(), s.bytes());
      rows += s.rows();
      bad += s.badRows();
      bytes += s.bytes();
    }
    w.printf("%-14s %10s %12d %10d %14d%n", "total", "", rows, bad, bytes);
    w.printf("generated %s in %.1f s%n", root, took.toMillis() / 1000.0);
    w.flush();
  }
}
