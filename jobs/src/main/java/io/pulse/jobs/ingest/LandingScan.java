package io.pulse.jobs.ingest;

import io.pulse.common.error.StorageUnreachableException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists one delivery (a source's {@code dt=} folder) and checks each file before Spark reads it:
 * the {@code _SUCCESS} marker (rule L2), empty files, CSV headers against the contract, gzip
 * integrity. Only headers are read for CSV; gzip files are streamed through once.
 */
public final class LandingScan {
  static final String SUCCESS_MARKER = "_SUCCESS";
  private static final char BOM = '\uFEFF';

  private final Configuration hadoopConf;
  private final boolean requireSuccessMarker;

  public LandingScan(Configuration hadoopConf, boolean requireSuccessMarker) {
    this.hadoopConf = hadoopConf;
    this.requireSuccessMarker = requireSuccessMarker;
  }

  public Delivery scan(LandingSource source, String partition) {
    Path dir = new Path(partition);
    FileStatus[] statuses;
    try {
      FileSystem fs = dir.getFileSystem(hadoopConf);
      statuses = fs.listStatus(dir);
    } catch (FileNotFoundException e) {
      return Delivery.absent(source, partition);
    } catch (IOException e) {
      throw new StorageUnreachableException("cannot list " + partition + ": " + e.getMessage(), e);
    }
    List<FileStatus> dataFiles =
        Arrays.stream(statuses)
            .filter(FileStatus::isFile)
            .filter(s -> isDataFile(s.getPath().getName()))
            .sorted((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()))
            .toList();
    boolean complete =
        Arrays.stream(statuses).anyMatch(s -> s.getPath().getName().equals(SUCCESS_MARKER));
    List<LandingFile> files = new ArrayList<>();
    List<FileFailure> failures = new ArrayList<>();
    if (requireSuccessMarker && !complete) {
      failures.add(
          new FileFailure(
              partition,
              0,
              "no " + SUCCESS_MARKER + " marker: the delivery is incomplete; nothing loaded"));
      return new Delivery(source, partition, true, false, files, failures);
    }
    for (FileStatus status : dataFiles) {
      try {
        inspect(source, status, files, failures);
      } catch (IOException e) {
        failures.add(
            new FileFailure(
                status.getPath().toString(), status.getLen(), "unreadable: " + e.getMessage()));
      }
    }
    return new Delivery(source, partition, true, true, files, failures);
  }

  /** Rule L2: inside a dt= folder every file not starting with _ or . is data. */
  static boolean isDataFile(String name) {
    return !name.startsWith("_") && !name.startsWith(".");
  }

  /** Adds the file to {@code files} when it can be loaded, else to {@code failures}. */
  private void inspect(
      LandingSource source, FileStatus status, List<LandingFile> files, List<FileFailure> failures)
      throws IOException {
    String path = status.getPath().toString();
    Optional<String> problem;
    List<String> header = List.of();
    if (status.getLen() == 0) {
      problem = Optional.of("empty file");
    } else if (source.format() == LandingSource.Format.CSV) {
      header = header(status.getPath());
      problem = missingColumns(source, header);
    } else {
      problem = gzipProblem(status.getPath());
    }
    if (problem.isPresent()) {
      failures.add(new FileFailure(path, status.getLen(), problem.get()));
      return;
    }
    List<String> extra = header.stream().filter(c -> !source.columnNames().contains(c)).toList();
    files.add(new LandingFile(path, status.getLen(), header, extra));
  }

  private static Optional<String> missingColumns(LandingSource source, List<String> header) {
    List<String> missing =
        source.requiredColumns().stream().filter(c -> !header.contains(c)).toList();
    return missing.isEmpty()
        ? Optional.empty()
        : Optional.of("missing required column(s) " + String.join(", ", missing));
  }

  /** The header row's column names, trimmed, without a byte-order mark. */
  List<String> header(Path path) throws IOException {
    try (InputStream in = path.getFileSystem(hadoopConf).open(path);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      Iterator<CSVRecord> records = CSVFormat.RFC4180.parse(reader).iterator();
      if (!records.hasNext()) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      for (String name : records.next()) {
        names.add(name.replace(String.valueOf(BOM), "").trim());
      }
      return names;
    }
  }

  private Optional<String> gzipProblem(Path path) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = new GZIPInputStream(path.getFileSystem(hadoopConf).open(path))) {
      while (in.read(buffer) >= 0) {
        // read to the end: a truncated or corrupt stream fails here, before Spark sees it
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("truncated or corrupt gzip: " + e.getMessage());
    }
  }
}
