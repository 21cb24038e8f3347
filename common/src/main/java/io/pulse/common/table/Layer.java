package io.pulse.common.table;

import java.util.Locale;

/** The warehouse layers; each is a catalog database and a folder under the warehouse root. */
public enum Layer {
  /** Landing data as delivered, every value a string, with ingest metadata. */
  BRONZE,
  /** Typed, validated, deduplicated entities and their quarantine. */
  SILVER,
  /** Facts, dimensions and marts for analysts. */
  GOLD,
  /** Pulse's own run records: job runs, ingested files, reconciliation. */
  OPS;

  /** The catalog database (and folder) name. */
  public String database() {
    return name().toLowerCase(Locale.ROOT);
  }
}
