package io.pulse.generator.output;

/** What was written for one source: partitions, good rows, injected bad rows, bytes. */
public final class SourceStats {
  private long partitions;
  private long rows;
  private long badRows;
  private long bytes;

  void add(long rows, long badRows, long bytes) {
    this.partitions++;
    this.rows += rows;
    this.badRows += badRows;
    this.bytes += bytes;
  }

  void addBytes(long bytes) {
    this.bytes += bytes;
  }

  public long partitions() {
    return partitions;
  }

  public long rows() {
    return rows;
  }

  public long badRows() {
    return badRows;
  }

  public long bytes() {
    return bytes;
  }
}
