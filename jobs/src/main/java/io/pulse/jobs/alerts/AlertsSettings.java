package io.pulse.jobs.alerts;

import com.typesafe.config.Config;
import io.pulse.common.error.UsageException;
import io.pulse.jobs.revenue.RevenueSettings;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code pulse.alerts} settings (METRICS.md §8), validated: a bad value ends the run with exit
 * 2 before anything is read. Two inputs come from other blocks so that the alerts agree with the
 * tables they read: the short ticket window ({@code pulse.support.short-window-days}) and the
 * failed invoice statuses ({@code pulse.revenue.failed-payment-statuses}).
 *
 * @param usageCompareDays MAU on d is compared with MAU on d − this many days
 * @param usageMinDrop relative MAU drop that fires usage_drop (0.30: down 30 % or more)
 * @param usageHighDrop drop from which usage_drop is high severity
 * @param championOpenDays days a champion_left alert stays open after the loss
 * @param detractorMaxScore NPS scores up to this are detractor responses (6)
 * @param detractorHighMaxScore scores up to this make detractor_response high severity
 * @param detractorOpenDays days a detractor_response alert stays open after the response
 * @param ticketShortWindowDays the N of tickets_opened_7d (pulse.support.short-window-days)
 * @param ticketMinRatio the short window's daily mean / the 90-day daily mean that fires
 *     ticket_spike (3)
 * @param ticketMinTickets tickets in the short window needed for a spike at all
 * @param ticketHighRatio ratio from which ticket_spike is high severity
 * @param renewalWithinDays renewal_at_risk looks this many days ahead
 * @param renewalBand the band that puts a renewal at risk
 * @param renewalHighDays renewal this close or closer: high severity
 * @param noFirstValueDays days after the first paid day without a value event that fire
 *     no_first_value
 * @param paymentOverdueDays an unpaid invoice more than this many days past due fails
 * @param paymentOpenDays days a written-off invoice (a failed status) keeps payment_failed open
 * @param failedPaymentStatuses invoice statuses that are failed payments (written off)
 * @param recommendedActions the text per alert type
 */
public record AlertsSettings(
    int usageCompareDays,
    double usageMinDrop,
    double usageHighDrop,
    int championOpenDays,
    int detractorMaxScore,
    int detractorHighMaxScore,
    int detractorOpenDays,
    int ticketShortWindowDays,
    double ticketMinRatio,
    long ticketMinTickets,
    double ticketHighRatio,
    int renewalWithinDays,
    String renewalBand,
    int renewalHighDays,
    int noFirstValueDays,
    int paymentOverdueDays,
    int paymentOpenDays,
    List<String> failedPaymentStatuses,
    Map<AlertType, String> recommendedActions) {

  static final List<String> BANDS = List.of("red", "yellow", "green");

  public AlertsSettings {
    positive("usage-drop.compare-days", usageCompareDays);
    if (!(usageMinDrop > 0 && usageMinDrop <= usageHighDrop && usageHighDrop <= 1)) {
      throw bad(
          "usage-drop.min-drop and high-severity-drop must satisfy 0 < min-drop <="
              + " high-severity-drop <= 1, not "
              + usageMinDrop
              + " and "
              + usageHighDrop);
    }
    positive("champion-left.open-days", championOpenDays);
    if (!(0 <= detractorHighMaxScore
        && detractorHighMaxScore <= detractorMaxScore
        && detractorMaxScore <= 10)) {
      throw bad(
          "detractor-response: 0 <= high-severity-max-score <= max-score <= 10 does not hold for "
              + detractorHighMaxScore
              + " and "
              + detractorMaxScore);
    }
    positive("detractor-response.open-days", detractorOpenDays);
    if (ticketShortWindowDays < 1) {
      throw new UsageException(
          "bad configuration: pulse.support.short-window-days must be at least 1");
    }
    if (!(ticketMinRatio > 0 && ticketMinRatio <= ticketHighRatio)) {
      throw bad("ticket-spike: 0 < min-ratio <= high-severity-ratio does not hold");
    }
    positive("ticket-spike.min-tickets", ticketMinTickets);
    positive("renewal-at-risk.within-days", renewalWithinDays);
    if (!BANDS.contains(renewalBand)) {
      throw bad("renewal-at-risk.band must be one of " + BANDS + ", not '" + renewalBand + "'");
    }
    if (renewalHighDays < 0 || renewalHighDays > renewalWithinDays) {
      throw bad("renewal-at-risk.high-severity-days must be within 0..within-days");
    }
    positive("no-first-value.days", noFirstValueDays);
    if (paymentOverdueDays < 0) {
      throw bad("payment-failed.overdue-days must not be negative");
    }
    positive("payment-failed.open-days", paymentOpenDays);
    failedPaymentStatuses = List.copyOf(failedPaymentStatuses);
    recommendedActions = Map.copyOf(recommendedActions);
    for (AlertType type : AlertType.values()) {
      String text = recommendedActions.get(type);
      if (text == null || text.isBlank()) {
        throw bad("recommended-action." + type.confKey() + " is empty");
      }
    }
  }

  public static AlertsSettings from(Config config) {
    Config c = config.getConfig("pulse.alerts");
    Map<AlertType, String> actions = new EnumMap<>(AlertType.class);
    for (AlertType type : AlertType.values()) {
      actions.put(type, c.getString("recommended-action." + type.confKey()));
    }
    return new AlertsSettings(
        c.getInt("usage-drop.compare-days"),
        c.getDouble("usage-drop.min-drop"),
        c.getDouble("usage-drop.high-severity-drop"),
        c.getInt("champion-left.open-days"),
        c.getInt("detractor-response.max-score"),
        c.getInt("detractor-response.high-severity-max-score"),
        c.getInt("detractor-response.open-days"),
        config.getInt("pulse.support.short-window-days"),
        c.getDouble("ticket-spike.min-ratio"),
        c.getLong("ticket-spike.min-tickets"),
        c.getDouble("ticket-spike.high-severity-ratio"),
        c.getInt("renewal-at-risk.within-days"),
        c.getString("renewal-at-risk.band"),
        c.getInt("renewal-at-risk.high-severity-days"),
        c.getInt("no-first-value.days"),
        c.getInt("payment-failed.overdue-days"),
        c.getInt("payment-failed.open-days"),
        RevenueSettings.of(config).failedPaymentStatuses(),
        actions);
  }

  private static void positive(String key, long value) {
    if (value < 1) {
      throw bad(key + " must be at least 1, not " + value);
    }
  }

  private static UsageException bad(String problem) {
    return new UsageException("bad configuration: pulse.alerts." + problem);
  }
}
