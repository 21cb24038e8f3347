package io.pulse.jobs.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.config.PulseConfig;
import io.pulse.common.error.UsageException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pulse.support as configured: the S3 defaults, --conf values, and refused values. */
class SupportSettingsTest {
  private static SupportSettings settings(Map<String, String> overrides) {
    return SupportSettings.from(PulseConfig.of("local", overrides).raw());
  }

  @Test
  void defaultsAreTheS3SlasAndWindowsOf7And30And90Days() {
    SupportSettings s = settings(Map.of());
    assertEquals(
        Map.of("urgent", 1.0, "high", 4.0, "normal", 24.0, "low", 48.0), s.slaFirstReplyHours());
    assertEquals(7, s.shortWindowDays());
    assertEquals(30, s.windowDays());
    assertEquals(90, s.longWindowDays());
  }

  @Test
  void confTakesFractionalHoursAndOtherWindows() {
    SupportSettings s =
        settings(
            Map.of(
                "pulse.support.sla-first-reply-hours.urgent", "0.5",
                "pulse.support.window-days", "28",
                "pulse.support.long-window-days", "60"));
    assertEquals(0.5, s.slaFirstReplyHours().get("urgent"));
    assertEquals(4.0, s.slaFirstReplyHours().get("high"));
    assertEquals(28, s.windowDays());
    assertEquals(60, s.longWindowDays());
  }

  @Test
  void nonPositiveOrNonNumericHoursAreRefusedWithTheKeyNamed() {
    for (String bad : new String[] {"0", "-4", "soon"}) {
      UsageException e =
          assertThrows(
              UsageException.class,
              () -> settings(Map.of("pulse.support.sla-first-reply-hours.high", bad)));
      assertTrue(
          e.getMessage().contains("pulse.support.sla-first-reply-hours.high"), e.getMessage());
    }
  }

  @Test
  void windowsMustBePositiveAndNest() {
    UsageException zero =
        assertThrows(
            UsageException.class, () -> settings(Map.of("pulse.support.short-window-days", "0")));
    assertTrue(zero.getMessage().contains("pulse.support.short-window-days"), zero.getMessage());
    UsageException order =
        assertThrows(
            UsageException.class, () -> settings(Map.of("pulse.support.window-days", "120")));
    assertTrue(order.getMessage().contains("window-days (120)"), order.getMessage());
  }

  @Test
  void hoursAreCalendarByDefaultOrTheConfiguredBusinessHours() {
    assertEquals(null, settings(Map.of()).businessHours());
    BusinessHours business =
        settings(
                Map.of(
                    "pulse.support.hours", "business",
                    "pulse.support.business-hours.time-zone", "Europe/Berlin",
                    "pulse.support.business-hours.end", "18:30"))
            .businessHours();
    assertEquals(java.time.ZoneId.of("Europe/Berlin"), business.zone());
    assertEquals(5, business.days().size());
    assertEquals(java.time.LocalTime.of(9, 0), business.start());
    assertEquals(java.time.LocalTime.of(18, 30), business.end());
    UsageException other =
        assertThrows(UsageException.class, () -> settings(Map.of("pulse.support.hours", "office")));
    assertTrue(other.getMessage().contains("pulse.support.hours"), other.getMessage());
  }
}
