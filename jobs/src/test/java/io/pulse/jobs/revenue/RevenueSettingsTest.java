package io.pulse.jobs.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.pulse.common.error.ExitCode;
import io.pulse.common.error.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pulse.revenue settings: the shipped defaults and exit 2 for values outside their choices. */
class RevenueSettingsTest {
  private static final Config DEFAULTS =
      ConfigFactory.parseResources("pulse-conf/application.conf");

  private static Config with(String key, Object value) {
    return ConfigFactory.parseMap(java.util.Map.of(key, value)).withFallback(DEFAULTS);
  }

  @Test
  void defaultsFollowMetrics() {
    RevenueSettings settings = RevenueSettings.of(DEFAULTS);
    // §1: trial MRR 0; §8: an uncollectible invoice is a failed payment; R6: month-end segment.
    assertEquals(
        new RevenueSettings("USD", 6, false, List.of("uncollectible"), "month_end", true),
        settings);
    assertTrue(RevenueSettings.of(with("pulse.revenue.trial-mrr", "list")).trialsAtList());
  }

  @Test
  void valuesOutsideTheirChoicesExitWithUsage() {
    for (Config bad :
        List.of(
            with("pulse.revenue.trial-mrr", "half"),
            with("pulse.revenue.segment-attribution", "first_paid"),
            with("pulse.revenue.failed-payment-statuses", List.of("uncollectible", "late")),
            with("pulse.revenue.ltv-months", 0))) {
      UsageException e = assertThrows(UsageException.class, () -> RevenueSettings.of(bad));
      assertEquals(ExitCode.USAGE, e.exitCode());
    }
  }
}
