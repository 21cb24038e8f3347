package io.pulse.common.cli;

import io.pulse.common.config.PulseConfig;
import io.pulse.common.spark.SparkSessionFactory;
import io.pulse.common.storage.StorageProbe;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the Spark session a command runs in, after logging the settings and probing storage. */
public final class Sessions {
  private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

  private Sessions() {}

  /** Logs every effective setting, secrets masked: once at the start of a job run. */
  public static void logSettings(PulseConfig config) {
    StringBuilder settings = new StringBuilder("effective configuration (secrets masked):");
    config
        .effectiveSettings()
        .forEach((k, v) -> settings.append("\n  ").append(k).append(" = ").append(v));
    LOG.info("{}", settings);
  }

  /** Probes storage, then returns the session configured for {@code config}. */
  public static SparkSession open(PulseConfig config) {
    StorageProbe.check(config);
    return SparkSessionFactory.getOrCreate(config);
  }
}
