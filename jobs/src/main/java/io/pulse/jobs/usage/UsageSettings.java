package io.pulse.jobs.usage;

import com.typesafe.config.Config;
import io.pulse.common.error.UsageException;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The {@code pulse.usage} settings (METRICS.md §4).
 *
 * @param mauDays the N of MAU: 28 or 30 days ending d
 * @param keyFeatures the product features whose use counts for breadth and depth (U3), distinct
 * @param valueEvents the event types that are value events (U3), distinct
 */
public record UsageSettings(int mauDays, List<String> keyFeatures, List<String> valueEvents) {
  /** WAU: the 7 days ending d. */
  public static final int WAU_DAYS = 7;

  /** Breadth, depth and stickiness look at the 28 days ending d (§4, U1). */
  public static final int WINDOW_DAYS = 28;

  public UsageSettings {
    if (mauDays != 28 && mauDays != 30) {
      throw new UsageException(
          "bad configuration: pulse.usage.mau-days must be 28 or 30, not " + mauDays);
    }
    keyFeatures = List.copyOf(new LinkedHashSet<>(keyFeatures));
    valueEvents = List.copyOf(new LinkedHashSet<>(valueEvents));
    if (keyFeatures.isEmpty()) {
      throw new UsageException(
          "bad configuration: pulse.usage.key-features is empty; breadth needs at least one");
    }
  }

  public static UsageSettings from(Config config) {
    return new UsageSettings(
        config.getInt("pulse.usage.mau-days"),
        config.getStringList("pulse.usage.key-features"),
        config.getStringList("pulse.usage.value-events"));
  }
}
