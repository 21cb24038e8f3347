package io.pulse.common.job;

/** Rows a job read, wrote and quarantined for one table. */
public record TableCounts(String table, long rowsRead, long rowsWritten, long rowsQuarantined) {}
