package io.pulse.jobs.ingest;

import static org.apache.spark.sql.functions.col;

import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobResult;
import io.pulse.common.table.TableDef;
import io.pulse.common.table.TableRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one CSV landing source into {@code bronze.<source>}, one delivery day at a time. Each day
 * replaces that day's partition in one transaction, so a rerun gives the same rows, never doubles.
 */
public final class BronzeCsvJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(BronzeCsvJob.class);

  private final CsvSource source;

  public BronzeCsvJob(CsvSource source) {
    this.source = source;
  }

  @Override
  public String name() {
    return "bronze-" + source.name();
  }

  @Override
  public String description() {
    return "Load landing/" + source.name() + "/dt=D CSV files into bronze." + source.name();
  }

  @Override
  public JobResult run(JobContext context) {
    TableDef table = source.bronzeTable();
    TableRef ref = context.tables().resolve(table);
    JobResult.Builder result = JobResult.builder(name());
    long written = 0;
    for (LocalDate day : context.dates().days()) {
      String partition = context.landingPartition(source.name(), day);
      List<String> files =
          LandingFiles.list(partition, context.spark().sparkContext().hadoopConfiguration());
      if (context.dryRun()) {
        LOG.info(
            "dry run: would replace _dt={} of {} ({}) from {} file(s) under {}",
            day,
            ref,
            ref.location(),
            files.size(),
            partition);
        continue;
      }
      Dataset<Row> rows =
          BronzeRows.withIngestMetadata(
              read(context.spark(), files), day, context.runId(), Instant.now());
      long dayRows = context.writer().replaceWhere(table, rows, "_dt = DATE'" + day + "'");
      LOG.info("{}: {} rows from {} file(s) under {}", ref, dayRows, files.size(), partition);
      written += dayRows;
    }
    // Bronze keeps every record read, parsed or not: rows read equal rows written.
    return result.table(ref.qualifiedName(), written, written, 0).build();
  }

  private Dataset<Row> read(SparkSession spark, List<String> files) {
    return spark
        .read()
        .schema(source.readSchema())
        .option("header", "true")
        .option("multiLine", "true")
        .option("escape", "\"")
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CsvSource.CORRUPT_RECORD)
        .csv(files.toArray(String[]::new))
        .withColumn("_source_file", col("_metadata.file_path"));
  }
}
