package io.pulse.jobs.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.config.PulseConfig;
import io.pulse.common.error.UsageException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pulse.engagement as configured: defaults, --conf lists, and refused values. */
class EngagementSettingsTest {
  private static PulseConfig config(Map<String, String> overrides) {
    return PulseConfig.of("local", overrides);
  }

  @Test
  void defaults() {
    EngagementSettings engagement = EngagementSettings.from(config(Map.of()).raw());
    assertEquals(90, engagement.windowDays());
    assertEquals(List.of("executive_sponsor", "admin"), engagement.keyRoles());
    OnboardingSettings onboarding = OnboardingSettings.from(config(Map.of()).raw());
    assertEquals(30, onboarding.firstSuccessDays());
    assertEquals(12, onboarding.retentionMonths());
    assertEquals(List.of("report_exported", "playbook_completed"), onboarding.valueEvents());
  }

  @Test
  void confTakesCommaSeparatedRolesAndOtherWindows() {
    EngagementSettings s =
        EngagementSettings.from(
            config(
                    Map.of(
                        "pulse.engagement.window-days", "60",
                        "pulse.engagement.key-roles", "admin, billing,admin"))
                .raw());
    assertEquals(60, s.windowDays());
    assertEquals(List.of("admin", "billing"), s.keyRoles()); // duplicates dropped
    OnboardingSettings o =
        OnboardingSettings.from(
            config(
                    Map.of(
                        "pulse.engagement.first-success-days", "14",
                        "pulse.engagement.retention-months", "6"))
                .raw());
    assertEquals(14, o.firstSuccessDays());
    assertEquals(6, o.retentionMonths());
  }

  @Test
  void emptyWindowsAndNoValueEventsAreRefused() {
    UsageException window =
        assertThrows(
            UsageException.class,
            () ->
                EngagementSettings.from(config(Map.of("pulse.engagement.window-days", "0")).raw()));
    assertTrue(window.getMessage().contains("window-days"), window.getMessage());
    assertThrows(
        UsageException.class,
        () ->
            OnboardingSettings.from(
                config(Map.of("pulse.engagement.retention-months", "0")).raw()));
    assertThrows(
        UsageException.class,
        () -> OnboardingSettings.from(config(Map.of("pulse.usage.value-events", "")).raw()));
  }
}
