package io.pulse.jobs.experience;

import com.typesafe.config.Config;
import io.pulse.common.error.UsageException;

/**
 * The {@code pulse.experience} settings (METRICS.md §5).
 *
 * @param windowDays the N of the experience window: NPS, CSAT, CES and sentiment of day d look at
 *     the N days ending d (default 90)
 */
public record ExperienceSettings(int windowDays) {
  public ExperienceSettings {
    if (windowDays < 1) {
      throw new UsageException(
          "bad configuration: pulse.experience.window-days must be at least 1, not " + windowDays);
    }
  }

  public static ExperienceSettings from(Config config) {
    return new ExperienceSettings(config.getInt("pulse.experience.window-days"));
  }
}
