package io.pulse.jobs.ingest;

/**
 * A column of the landing contract. A file whose header lacks a required column cannot be ingested;
 * an optional one may be absent and reads as null.
 */
public record SourceColumn(String name, boolean required, String comment) {
  static SourceColumn required(String name, String comment) {
    return new SourceColumn(name, true, comment);
  }

  static SourceColumn optional(String name, String comment) {
    return new SourceColumn(name, false, comment);
  }
}
