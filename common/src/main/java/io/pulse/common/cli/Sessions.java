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

  public static SparkSession open(PulseConfig config) {
    StringBuilder settings = new StringBuilder("effective configuration (secrets masked):");
    config
        .effectiveSettings()
        .forEach((k, v) -> settings.append("\n  ").append(k).append(" = ").append(v));
    LOG.info("{}", settings);
    StorageProbe.check(config);
    return SparkSessionFactory.getOrCreate(config);
  }
}
