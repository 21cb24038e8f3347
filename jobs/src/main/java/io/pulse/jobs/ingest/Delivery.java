package io.pulse.jobs.ingest;

import java.time.LocalDate;
import java.util.List;

/**
 * What one source delivered for one day: the files to load and the files that failed. An incomplete
 * delivery (no {@code _SUCCESS}) loads nothing and leaves bronze as it was.
 */
public record Delivery(
    LandingSource source,
    String partition,
    boolean present,
    boolean complete,
    List<LandingFile> files,
    List<FileFailure> failures) {
  public Delivery {
    files = List.copyOf(files);
    failures = List.copyOf(failures);
  }

  /** The delivery date: the {@code dt=} folder's date. */
  public LocalDate day() {
    return LocalDate.parse(partition.substring(partition.lastIndexOf("dt=") + 3));
  }

  static Delivery absent(LandingSource source, String partition) {
    return new Delivery(source, partition, false, false, List.of(), List.of());
  }
}
