package io.pulse.jobs.engagement;

import com.typesafe.config.Config;
import io.pulse.common.error.UsageException;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The {@code pulse.engagement} settings of the engagement job (METRICS.md §7 Engagement).
 *
 * @param windowDays N of "touchpoints in the N days ending d" (default 90)
 * @param keyRoles contact roles that make a contact a key contact (besides the champion flag),
 *     distinct
 */
public record EngagementSettings(int windowDays, List<String> keyRoles) {
  public EngagementSettings {
    if (windowDays < 1) {
      throw new UsageException(
          "bad configuration: pulse.engagement.window-days must be at least 1, not " + windowDays);
    }
    keyRoles = List.copyOf(new LinkedHashSet<>(keyRoles));
  }

  public static EngagementSettings from(Config config) {
    return new EngagementSettings(
        config.getInt("pulse.engagement.window-days"),
        config.getStringList("pulse.engagement.key-roles"));
  }
}
