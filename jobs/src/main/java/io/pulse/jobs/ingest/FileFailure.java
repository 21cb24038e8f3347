package io.pulse.jobs.ingest;

/** A landing file that cannot be ingested at all, and why. */
public record FileFailure(String path, long sizeBytes, String reason) {}
