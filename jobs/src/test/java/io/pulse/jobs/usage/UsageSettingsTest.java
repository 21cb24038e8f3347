package io.pulse.jobs.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.config.PulseConfig;
import io.pulse.common.error.UsageException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pulse.usage as configured: defaults, --conf lists, and refused values. */
class UsageSettingsTest {
  private static UsageSettings settings(Map<String, String> overrides) {
    return UsageSettings.from(PulseConfig.of("local", overrides).raw());
  }

  @Test
  void defaultsAreTheGeneratorsFeaturesAndValueEvents() {
    UsageSettings s = settings(Map.of());
    assertEquals(28, s.mauDays());
    assertEquals(
        List.of("dashboards", "reports", "alerts", "integrations", "playbooks"), s.keyFeatures());
    assertEquals(List.of("report_exported", "playbook_completed"), s.valueEvents());
  }

  @Test
  void confTakesCommaSeparatedListsAndThirtyDays() {
    UsageSettings s =
        settings(
            Map.of(
                "pulse.usage.mau-days", "30",
                "pulse.usage.key-features", "reports, alerts,reports",
                "pulse.usage.value-events", "report_exported"));
    assertEquals(30, s.mauDays());
    assertEquals(List.of("reports", "alerts"), s.keyFeatures()); // duplicates dropped
    assertEquals(List.of("report_exported"), s.valueEvents());
  }

  @Test
  void otherMauWindowsAndNoKeyFeaturesAreRefused() {
    UsageException days =
        assertThrows(UsageException.class, () -> settings(Map.of("pulse.usage.mau-days", "7")));
    assertTrue(days.getMessage().contains("28 or 30"), days.getMessage());
    assertThrows(UsageException.class, () -> settings(Map.of("pulse.usage.key-features", "")));
  }
}
