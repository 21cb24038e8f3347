package io.pulse.jobs.experience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pulse.common.config.PulseConfig;
import io.pulse.common.error.UsageException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pulse.experience as configured: the default window, an override, and a refused one. */
class ExperienceSettingsTest {
  private static ExperienceSettings settings(Map<String, String> overrides) {
    return ExperienceSettings.from(PulseConfig.of("local", overrides).raw());
  }

  @Test
  void theWindowIsNinetyDaysUnlessConfigured() {
    assertEquals(90, settings(Map.of()).windowDays());
    assertEquals(30, settings(Map.of("pulse.experience.window-days", "30")).windowDays());
    assertThrows(UsageException.class, () -> settings(Map.of("pulse.experience.window-days", "0")));
  }
}
