package io.pulse.jobs.revenue;

import com.typesafe.config.Config;
import io.pulse.common.error.UsageException;
import java.util.List;

/**
 * The {@code pulse.revenue} settings, validated: a value outside its choices ends the run with exit
 * 2 before anything is read.
 *
 * @param reportingCurrency currency of all MRR
 * @param ltvMonths trailing months over which LTV averages (R7)
 * @param trialsAtList false (default, METRICS.md §1): trial versions have MRR 0; true: a trial
 *     version's MRR is computed from its prices like a paid one
 * @param failedPaymentStatuses invoice statuses that count as a failed payment (for the payment
 *     signals and alerts, METRICS.md §8)
 * @param segmentAttribution how an account-month gets its segment; only {@code month_end} (R6)
 * @param incremental true (default): a run after the published date recomputes only the months its
 *     deliveries can change ({@link RevenueChanges}); false: every run rebuilds every month
 */
public record RevenueSettings(
    String reportingCurrency,
    int ltvMonths,
    boolean trialsAtList,
    List<String> failedPaymentStatuses,
    String segmentAttribution,
    boolean incremental) {

  static final List<String> TRIAL_MRR = List.of("zero", "list");
  static final List<String> INVOICE_STATUSES = List.of("paid", "open", "void", "uncollectible");
  static final List<String> SEGMENT_ATTRIBUTIONS = List.of("month_end");

  public static RevenueSettings of(Config config) {
    String trial = config.getString("pulse.revenue.trial-mrr");
    if (!TRIAL_MRR.contains(trial)) {
      throw new UsageException("pulse.revenue.trial-mrr must be zero or list, not '" + trial + "'");
    }
    List<String> failed = config.getStringList("pulse.revenue.failed-payment-statuses");
    for (String status : failed) {
      if (!INVOICE_STATUSES.contains(status)) {
        throw new UsageException(
            "pulse.revenue.failed-payment-statuses: '"
                + status
                + "' is not an invoice status "
                + INVOICE_STATUSES);
      }
    }
    String attribution = config.getString("pulse.revenue.segment-attribution");
    if (!SEGMENT_ATTRIBUTIONS.contains(attribution)) {
      throw new UsageException(
          "pulse.revenue.segment-attribution must be month_end (the only one built), not '"
              + attribution
              + "'");
    }
    int ltvMonths = config.getInt("pulse.revenue.ltv-months");
    if (ltvMonths < 1) {
      throw new UsageException("pulse.revenue.ltv-months must be at least 1, not " + ltvMonths);
    }
    return new RevenueSettings(
        config.getString("pulse.revenue.reporting-currency"),
        ltvMonths,
        trial.equals("list"),
        List.copyOf(failed),
        attribution,
        config.getBoolean("pulse.revenue.incremental"));
  }

  /**
   * The settings the MRR tables depend on, as text: published tables computed with other settings
   * are rebuilt, not reused.
   */
  String mrrFingerprint() {
    return String.join(
        "/",
        reportingCurrency,
        String.valueOf(ltvMonths),
        trialsAtList ? "list" : "zero",
        segmentAttribution);
  }
}
