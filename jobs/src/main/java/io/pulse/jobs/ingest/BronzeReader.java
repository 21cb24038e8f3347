package io.pulse.jobs.ingest;

import static io.pulse.jobs.ingest.LandingSource.CORRUPT_RECORD;
import static io.pulse.jobs.ingest.LandingSource.EXTRA_COLUMNS;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Reads checked landing files into rows of the contract's columns (all strings), plus the
 * extra-columns JSON, the corrupt-record text and {@code _source_file}. Nothing read is dropped: a
 * record Spark cannot parse keeps its raw text in {@code _corrupt_record}.
 */
public final class BronzeReader {
  private final SparkSession spark;

  public BronzeReader(SparkSession spark) {
    this.spark = spark;
  }

  /** The rows of {@code files}, which must all have passed {@link LandingScan}. */
  public Dataset<Row> read(LandingSource source, List<LandingFile> files) {
    return switch (source.format()) {
      case CSV -> readCsv(source, files);
      case JSONL_GZ -> readJsonLines(source, files);
    };
  }

  /**
   * CSV files are read by header: files sharing a header are read together with a schema made of
   * that header, so columns are matched by name and extra ones survive as JSON.
   */
  private Dataset<Row> readCsv(LandingSource source, List<LandingFile> files) {
    Map<List<String>, List<String>> pathsByHeader = new LinkedHashMap<>();
    for (LandingFile file : files) {
      pathsByHeader.computeIfAbsent(file.header(), h -> new ArrayList<>()).add(file.path());
    }
    Dataset<Row> all = null;
    for (Map.Entry<List<String>, List<String>> group : pathsByHeader.entrySet()) {
      Dataset<Row> rows =
          toContract(source, group.getKey(), readCsvFiles(group.getKey(), group.getValue()));
      all = all == null ? rows : all.unionByName(rows);
    }
    return all == null ? empty(source) : all;
  }

  private Dataset<Row> readCsvFiles(List<String> header, List<String> paths) {
    StructType schema = new StructType();
    for (String column : header) {
      schema = schema.add(column, StringType);
    }
    return spark
        .read()
        .schema(schema.add(CORRUPT_RECORD, StringType))
        .option("header", "true")
        .option("multiLine", "true")
        .option("escape", "\"")
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT_RECORD)
        .csv(paths.toArray(String[]::new))
        .withColumn("_source_file", col("_metadata.file_path"));
  }

  /** Contract columns by name (absent optional ones as null), extras packed into JSON. */
  private static Dataset<Row> toContract(
      LandingSource source, List<String> header, Dataset<Row> rows) {
    List<Column> columns = new ArrayList<>();
    for (String name : source.columnNames()) {
      columns.add(header.contains(name) ? col(quoted(name)) : lit(null).cast(StringType).as(name));
    }
    List<Column> extras =
        header.stream()
            .filter(c -> !source.columnNames().contains(c))
            .map(c -> col(quoted(c)))
            .toList();
    columns.add(
        extras.isEmpty()
            ? lit(null).cast(StringType).as(EXTRA_COLUMNS)
            : to_json(struct(extras.toArray(Column[]::new))).as(EXTRA_COLUMNS));
    columns.add(col(CORRUPT_RECORD));
    columns.add(col("_source_file"));
    return rows.select(columns.toArray(Column[]::new));
  }

  /** JSON lines: each line parsed with the contract's string schema; a bad line stays raw. */
  private Dataset<Row> readJsonLines(LandingSource source, List<LandingFile> files) {
    if (files.isEmpty()) {
      return empty(source);
    }
    StructType schema = source.stringSchema().add(CORRUPT_RECORD, StringType);
    Dataset<Row> lines =
        spark
            .read()
            .text(files.stream().map(LandingFile::path).toArray(String[]::new))
            .withColumn("_source_file", col("_metadata.file_path"));
    Dataset<Row> parsed =
        lines.withColumn(
            "_parsed",
            from_json(
                col("value"),
                schema,
                Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT_RECORD)));
    List<Column> columns = new ArrayList<>();
    for (String name : source.columnNames()) {
      columns.add(col("_parsed." + name).as(name));
    }
    columns.add(lit(null).cast(StringType).as(EXTRA_COLUMNS));
    columns.add(col("_parsed." + CORRUPT_RECORD).as(CORRUPT_RECORD));
    columns.add(col("_source_file"));
    return parsed.select(columns.toArray(Column[]::new));
  }

  private Dataset<Row> empty(LandingSource source) {
    StructType schema =
        source
            .stringSchema()
            .add(EXTRA_COLUMNS, StringType)
            .add(CORRUPT_RECORD, StringType)
            .add("_source_file", StringType);
    return spark.createDataFrame(List.of(), schema);
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
