package io.pulse.common.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What a job did: counts per table it wrote, and how long it took. */
public record JobResult(String job, List<TableCounts> tables, Duration duration) {
  public JobResult {
    tables = List.copyOf(tables);
  }

  /** The counts recorded for {@code table}; fails when the job did not write it. */
  public TableCounts counts(String table) {
    return tables.stream()
        .filter(t -> t.table().equals(table))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(job + " wrote no table " + table));
  }

  public JobResult withDuration(Duration measured) {
    return new JobResult(job, tables, measured);
  }

  public static Builder builder(String job) {
    return new Builder(job);
  }

  /** Collects counts while a job runs; the runner stamps the duration. */
  public static final class Builder {
    private final String job;
    private final List<TableCounts> tables = new ArrayList<>();

    private Builder(String job) {
      this.job = job;
    }

    public Builder table(String table, long read, long written, long quarantined) {
      tables.add(new TableCounts(table, read, written, quarantined));
      return this;
    }

    /** The result without a duration; {@link JobRunner} stamps it. */
    public JobResult build() {
      return new JobResult(job, tables, Duration.ZERO);
    }
  }
}
