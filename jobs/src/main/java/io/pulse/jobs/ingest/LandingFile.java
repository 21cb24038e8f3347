package io.pulse.jobs.ingest;

import java.util.List;

/**
 * A landing file that passed the file-level checks. {@code header} is the CSV header as delivered
 * (empty for JSON lines); {@code extraColumns} are its columns beyond the contract.
 */
public record LandingFile(
    String path, long sizeBytes, List<String> header, List<String> extraColumns) {
  public LandingFile {
    header = List.copyOf(header);
    extraColumns = List.copyOf(extraColumns);
  }
}
