package io.pulse.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.pulse.common.error.CheckFailedException;
import io.pulse.common.error.InputMissingException;
import io.pulse.common.error.UsageException;
import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobResult;
import io.pulse.common.job.ParallelTasks;
import io.pulse.common.table.TableRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads each landing source's deliveries for the run dates into {@code bronze.<source>} as
 * delivered, and records every file in {@code ops.ingest_files}. Each source is one transaction
 * that replaces the rows of the dates it delivered, so a rerun gives the same tables, and a
 * backfill reads its whole range at once. A file that cannot be read at all does not stop the
 * others; the run then ends with exit 4 (or only warns, by configuration).
 */
public final class BronzeJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(BronzeJob.class);

  @Override
  public String name() {
    return "bronze";
  }

  @Override
  public String description() {
    return "Load every landing source's dt=D deliveries into bronze.<source>; files in ops.ingest_files";
  }

  @Override
  public JobResult run(JobContext context) {
    IngestSettings settings = IngestSettings.of(context.config().raw());
    LandingScan scan =
        new LandingScan(
            context.spark().sparkContext().hadoopConfiguration(), settings.requireSuccessMarker());
    BronzeReader reader = new BronzeReader(context.spark());
    Instant now = Instant.now();
    List<ParallelTasks.Outcome<SourceRun>> outcomes =
        ParallelTasks.run(
            settings.sources(),
            settings.parallelism(),
            source -> loadSource(context, scan, reader, source, now));
    List<SourceRun> runs =
        outcomes.stream().filter(o -> !o.failed()).map(ParallelTasks.Outcome::value).toList();
    if (!context.dryRun()) {
      // the files of the sources that loaded are recorded even when another source failed
      recordFiles(context, settings, runs.stream().flatMap(r -> r.fileRows().stream()).toList());
    }
    ParallelTasks.rethrowFirstFailure(outcomes);
    if (runs.stream().allMatch(r -> r.deliveries().isEmpty())) {
      throw new InputMissingException(
          "input missing: no delivery under "
              + context.config().landing()
              + "/<source>/dt="
              + context.dates()
              + " for any of "
              + settings.sources().size()
              + " source(s); check the landing zone or the run date");
    }
    JobResult.Builder result = JobResult.builder(name());
    for (SourceRun run : runs) {
      if (run.loaded()) {
        result.table("bronze." + run.source().name(), run.written(), run.written(), 0);
      }
    }
    List<FileFailure> failures =
        runs.stream()
            .flatMap(r -> r.deliveries().stream())
            .flatMap(d -> d.failures().stream())
            .toList();
    if (!failures.isEmpty() && settings.failOnBadFile()) {
      throw new CheckFailedException(
          failures.size()
              + " landing file(s) could not be loaded, e.g. "
              + failures.get(0).path()
              + ": "
              + failures.get(0).reason()
              + "; the other files were loaded; see ops.ingest_files");
    }
    return result.build();
  }

  /**
   * What loading one source found: its deliveries of the run dates, whether any complete one was
   * loaded, the rows written, and a row per file for ops.ingest_files.
   */
  private record SourceRun(
      LandingSource source,
      List<Delivery> deliveries,
      boolean loaded,
      long written,
      List<Row> fileRows) {}

  /** Scans one source's delivery days and loads the complete ones into its bronze table. */
  private static SourceRun loadSource(
      JobContext context,
      LandingScan scan,
      BronzeReader reader,
      LandingSource source,
      Instant now) {
    List<Delivery> deliveries = new ArrayList<>();
    for (LocalDate day : context.dates().days()) {
      Delivery delivery = scan.scan(source, context.landingPartition(source.name(), day));
      if (delivery.present()) {
        deliveries.add(delivery);
        delivery
            .failures()
            .forEach(f -> LOG.warn("{}: {} failed: {}", source.name(), f.path(), f.reason()));
      }
    }
    List<Delivery> complete = deliveries.stream().filter(Delivery::complete).toList();
    if (context.dryRun()) {
      LOG.info(
          "dry run: would load {} complete delivery day(s) of {} into bronze.{}",
          complete.size(),
          source.name(),
          source.name());
      return new SourceRun(source, deliveries, false, 0, List.of());
    }
    Map<String, long[]> countsByFile =
        complete.isEmpty() ? Map.of() : load(context, reader, source, complete, now);
    List<Row> fileRows = new ArrayList<>();
    for (Delivery delivery : deliveries) {
      fileRows.addAll(fileRecords(context, delivery, countsByFile, now));
    }
    long written = countsByFile.values().stream().mapToLong(c -> c[0]).sum();
    return new SourceRun(source, deliveries, !complete.isEmpty(), written, fileRows);
  }

  /**
   * Replaces the bronze rows of the delivered dates with the deliveries' records.
   *
   * @return records and unparseable records per file
   */
  private static Map<String, long[]> load(
      JobContext context,
      BronzeReader reader,
      LandingSource source,
      List<Delivery> deliveries,
      Instant now) {
    List<LandingFile> files = deliveries.stream().flatMap(d -> d.files().stream()).toList();
    Dataset<Row> rows =
        BronzeRows.withIngestMetadata(reader.read(source, files), context.runId(), now);
    String dates = dateList(deliveries);
    context.writer().replaceWhere(source.bronzeTable(), rows, "_dt IN (" + dates + ")");
    TableRef bronze = context.tables().resolve(source.bronzeTable());
    Map<String, long[]> counts = countsByFile(context, bronze, dates);
    long written = counts.values().stream().mapToLong(c -> c[0]).sum();
    long unparseable = counts.values().stream().mapToLong(c -> c[1]).sum();
    LOG.info(
        "{}: {} rows ({} unparseable, kept raw) from {} file(s) of {} delivery day(s)",
        bronze,
        written,
        unparseable,
        files.size(),
        deliveries.size());
    return counts;
  }

  private static String dateList(List<Delivery> deliveries) {
    return deliveries.stream().map(d -> "DATE'" + d.day() + "'").collect(Collectors.joining(", "));
  }

  /** Records and unparseable records per source file of the dates just written (a row per file). */
  private static Map<String, long[]> countsByFile(
      JobContext context, TableRef bronze, String dates) {
    List<Row> counts =
        context
            .spark()
            .read()
            .format("delta")
            .load(bronze.location())
            .where("_dt IN (" + dates + ")")
            .groupBy("_source_file")
            .agg(count(lit(1)).as("n"), count(col(LandingSource.CORRUPT_RECORD)).as("bad"))
            .collectAsList();
    Map<String, long[]> byFile = new HashMap<>();
    for (Row row : counts) {
      byFile.put(row.getString(0), new long[] {row.getLong(1), row.getLong(2)});
    }
    return byFile;
  }

  private static List<Row> fileRecords(
      JobContext context, Delivery delivery, Map<String, long[]> countsByFile, Instant now) {
    LocalDate day = delivery.day();
    List<Row> rows = new ArrayList<>();
    for (LandingFile file : delivery.files()) {
      long[] counts = countsByFile.getOrDefault(file.path(), new long[2]);
      rows.add(
          IngestFiles.loaded(
              delivery.source(), day, file, counts[0], counts[1], context.runId(), now));
    }
    for (FileFailure failure : delivery.failures()) {
      rows.add(IngestFiles.failed(delivery.source(), day, failure, context.runId(), now));
    }
    return rows;
  }

  /** Replaces the run's dates and sources in ops.ingest_files with this run's findings. */
  private static void recordFiles(JobContext context, IngestSettings settings, List<Row> fileRows) {
    String sources =
        settings.sources().stream()
            .map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", "));
    context
        .writer()
        .replaceWhere(
            IngestFiles.TABLE,
            context.spark().createDataFrame(fileRows, IngestFiles.TABLE.schema()),
            "source IN ("
                + sources
                + ") AND dt >= DATE'"
                + context.dates().start()
                + "' AND dt <= DATE'"
                + context.dates().end()
                + "'");
  }

  /** The {@code pulse.ingest} settings. */
  record IngestSettings(
      List<LandingSource> sources,
      boolean failOnBadFile,
      boolean requireSuccessMarker,
      int parallelism) {
    static IngestSettings of(com.typesafe.config.Config config) {
      List<String> names = config.getStringList("pulse.ingest.sources");
      List<LandingSource> sources =
          names.isEmpty()
              ? LandingSources.ALL
              : names.stream().map(LandingSources::byName).toList();
      String onBadFile = config.getString("pulse.ingest.on-bad-file");
      if (!List.of("fail", "warn").contains(onBadFile)) {
        throw new UsageException(
            "pulse.ingest.on-bad-file must be fail or warn, not '" + onBadFile + "'");
      }
      int parallelism = config.getInt("pulse.ingest.parallelism");
      if (parallelism < 1) {
        throw new UsageException("pulse.ingest.parallelism must be at least 1, not " + parallelism);
      }
      return new IngestSettings(
          sources,
          onBadFile.equals("fail"),
          config.getBoolean("pulse.ingest.require-success-marker"),
          parallelism);
    }
  }
}
