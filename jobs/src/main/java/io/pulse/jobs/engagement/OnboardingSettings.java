package io.pulse.jobs.engagement;

import com.typesafe.config.Config;
import io.pulse.common.error.UsageException;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The settings of the onboarding job (METRICS.md §9).
 *
 * @param firstSuccessDays first success = time to first value ≤ this many days (default 30)
 * @param retentionMonths logo retention is read this many months after the first paid day (default
 *     12)
 * @param valueEvents the event types that are value events: {@code pulse.usage.value-events}, the
 *     list the usage job counts, so both jobs agree on what value is
 */
public record OnboardingSettings(
    int firstSuccessDays, int retentionMonths, List<String> valueEvents) {
  public OnboardingSettings {
    if (firstSuccessDays < 0) {
      throw new UsageException(
          "bad configuration: pulse.engagement.first-success-days must be 0 or more, not "
              + firstSuccessDays);
    }
    if (retentionMonths < 1) {
      throw new UsageException(
          "bad configuration: pulse.engagement.retention-months must be at least 1, not "
              + retentionMonths);
    }
    valueEvents = List.copyOf(new LinkedHashSet<>(valueEvents));
    if (valueEvents.isEmpty()) {
      throw new UsageException(
          "bad configuration: pulse.usage.value-events is empty; time to first value needs one");
    }
  }

  public static OnboardingSettings from(Config config) {
    return new OnboardingSettings(
        config.getInt("pulse.engagement.first-success-days"),
        config.getInt("pulse.engagement.retention-months"),
        config.getStringList("pulse.usage.value-events"));
  }
}
