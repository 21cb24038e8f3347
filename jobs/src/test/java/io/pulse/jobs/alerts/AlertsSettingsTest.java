package io.pulse.jobs.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.pulse.common.error.UsageException;
import io.pulse.common.testing.SparkTestSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pulse.alerts defaults as application.conf declares them, and a bad value refused (exit 2).
 */
class AlertsSettingsTest {

  @Test
  void theDefaultsAreTheThresholdsOfMetricsSection8() {
    AlertsSettings s = AlertsFixture.DEFAULTS;
    assertEquals(28, s.usageCompareDays());
    assertEquals(0.30, s.usageMinDrop());
    assertEquals(6, s.detractorMaxScore());
    assertEquals(7, s.ticketShortWindowDays());
    assertEquals(3.0, s.ticketMinRatio());
    assertEquals(90, s.renewalWithinDays());
    assertEquals("red", s.renewalBand());
    assertEquals(30, s.noFirstValueDays());
    assertEquals(14, s.paymentOverdueDays());
    assertEquals(List.of("uncollectible"), s.failedPaymentStatuses());
    for (AlertType type : AlertType.values()) {
      assertTrue(!s.recommendedActions().get(type).isBlank(), type.key());
    }
  }

  @Test
  void aBandThatDoesNotExistIsRefused() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () ->
                AlertsSettings.from(
                    ConfigFactory.parseString("pulse.alerts.renewal-at-risk.band = amber")
                        .withFallback(SparkTestSession.config().raw())));
    assertTrue(e.getMessage().contains("pulse.alerts.renewal-at-risk.band"), e.getMessage());
  }
}
