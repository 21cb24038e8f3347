package io.pulse.jobs.ingest;

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

  static Delivery absent(LandingSource source, String partition) {
    return new Delivery(source, partition, false, false, List.of(), List.of());
  }
}
