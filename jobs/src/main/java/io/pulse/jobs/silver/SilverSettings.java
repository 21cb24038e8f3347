package io.pulse.jobs.silver;

import com.typesafe.config.Config;
import io.pulse.common.error.UsageException;
import java.util.List;

/** The {@code pulse.silver} settings. */
public record SilverSettings(
    List<String> currencies, int futureToleranceDays, boolean quarantineUnknownAccounts) {
  public static SilverSettings of(Config config) {
    String unknown = config.getString("pulse.silver.unknown-account");
    if (!List.of("quarantine", "keep").contains(unknown)) {
      throw new UsageException(
          "pulse.silver.unknown-account must be quarantine or keep, not '" + unknown + "'");
    }
    return new SilverSettings(
        config.getStringList("pulse.silver.currencies"),
        (int) config.getDuration("pulse.silver.future-tolerance").toDays(),
        unknown.equals("quarantine"));
  }
}
