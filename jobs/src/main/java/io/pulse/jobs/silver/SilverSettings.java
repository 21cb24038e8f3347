package io.pulse.jobs.silver;

import com.typesafe.config.Config;
import io.pulse.common.error.UsageException;
import java.util.List;

/** The {@code pulse.silver} settings. */
public record SilverSettings(
    List<String> currencies,
    int futureToleranceDays,
    boolean quarantineUnknownAccounts,
    int parallelism) {
  public static SilverSettings of(Config config) {
    String unknown = config.getString("pulse.silver.unknown-account");
    if (!List.of("quarantine", "keep").contains(unknown)) {
      throw new UsageException(
          "pulse.silver.unknown-account must be quarantine or keep, not '" + unknown + "'");
    }
    int parallelism = config.getInt("pulse.silver.parallelism");
    if (parallelism < 1) {
      throw new UsageException("pulse.silver.parallelism must be at least 1, not " + parallelism);
    }
    return new SilverSettings(
        config.getStringList("pulse.silver.currencies"),
        (int) config.getDuration("pulse.silver.future-tolerance").toDays(),
        unknown.equals("quarantine"),
        parallelism);
  }
}
