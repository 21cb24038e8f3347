package io.pulse.generator.life;

import static io.pulse.generator.Rng.between;
import static io.pulse.generator.Rng.chance;

import io.pulse.generator.Rng;
import io.pulse.generator.Times;
import io.pulse.generator.catalog.Plan.Interval;
import io.pulse.generator.catalog.Plan.Tier;
import io.pulse.generator.catalog.PlanCatalog;
import io.pulse.generator.catalog.Segment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds one account's subscription versions: an optional trial, the paid core subscription with
 * mid-month changes, a cancellation at the end of a billing period, a reactivation, an add-on.
 */
final class SubscriptionPlanner {
  static final int TRIAL_DAYS = 14;
  private static final long DAY = Times.DAY;

  private final SplittableRandom r;
  private final String accountId;
  private final List<SubscriptionVersion> versions = new ArrayList<>();
  private final String currency;
  private int coreIndex = -1;
  private Long anchorDay;
  private Interval interval;

  SubscriptionPlanner(
      SplittableRandom r,
      String accountId,
      Segment segment,
      String currency,
      int seats,
      long createdAt,
      boolean trial,
      Long firstPaidDay,
      long lastChangeDay,
      EnumSet<Driver> drivers) {
    this.r = r;
    this.accountId = accountId;
    this.currency = currency;
    Tier tier =
        switch (segment) {
          case SMB -> chance(r, 0.5) ? Tier.STARTER : Tier.PRO;
          case MID_MARKET -> Tier.PRO;
          case ENTERPRISE -> Tier.ENTERPRISE;
        };
    interval =
        Interval.values()[
            switch (segment) {
              case SMB -> Rng.weighted(r, 80, 10, 10);
              case MID_MARKET -> Rng.weighted(r, 30, 30, 40);
              case ENTERPRISE -> Rng.weighted(r, 0, 15, 85);
            }];
    int discount = chance(r, segment == Segment.ENTERPRISE ? 0.6 : 0.25) ? 5 * between(r, 1, 5) : 0;
    String subId = "S-" + accountId + "-1";
    int quantity = tier.perSeat() ? seats : 1;
    if (trial) {
      long trialEnd = createdAt + TRIAL_DAYS * DAY;
      versions.add(
          new SubscriptionVersion(
              subId,
              PlanCatalog.of(tier, Interval.MONTH, currency),
              quantity,
              0,
              true,
              createdAt,
              trialEnd,
              createdAt,
              null));
    }
    if (firstPaidDay == null) {
      return;
    }
    long paidFrom = firstPaidDay * DAY;
    anchorDay = firstPaidDay;
    coreIndex = versions.size();
    versions.add(
        new SubscriptionVersion(
            subId,
            PlanCatalog.of(tier, interval, currency),
            quantity,
            discount,
            false,
            paidFrom,
            null,
            paidFrom - (trial ? between(r, 0, 3) * DAY : 0),
            null));
    changes(drivers, firstPaidDay, lastChangeDay);
  }

  /** Mid-month seat changes, upgrades and downgrades as new versions of the core subscription. */
  private void changes(EnumSet<Driver> drivers, long firstPaidDay, long lastChangeDay) {
    int expansions = drivers.contains(Driver.HIGH_ADOPTION) ? between(r, 1, 3) : 0;
    boolean downgrade = drivers.contains(Driver.LOW_LICENSE_UTILIZATION) && chance(r, 0.6);
    boolean seatChange = chance(r, 0.3);
    int count = expansions + (downgrade ? 1 : 0) + (seatChange ? 1 : 0);
    long day = firstPaidDay;
    for (int i = 0; i < count; i++) {
      day += between(r, 40, 200);
      LocalDate date = LocalDate.ofEpochDay(day).withDayOfMonth(between(r, 10, 20));
      long at = Math.max(date.toEpochDay(), firstPaidDay + 1) * DAY + between(r, 3600, 80_000);
      if (at >= (lastChangeDay + 1) * DAY) {
        break;
      }
      SubscriptionVersion current = versions.get(coreIndex);
      if (at <= current.validFrom()) {
        continue;
      }
      int kind = i < expansions ? 0 : (downgrade && i == expansions) ? 1 : 2;
      Tier tier = current.plan().tier();
      int quantity = current.quantity();
      if (kind == 0 && tier == Tier.STARTER) {
        tier = Tier.PRO;
        quantity = between(r, 5, 12);
      } else if (kind == 0) {
        quantity = (int) Math.ceil(quantity * between(r, 1.15, 1.5));
      } else if (kind == 1 && tier == Tier.PRO && quantity <= 12) {
        tier = Tier.STARTER;
        quantity = 1;
      } else if (kind == 1) {
        quantity = Math.max(1, (int) (quantity * between(r, 0.6, 0.85)));
      } else if (tier.perSeat()) {
        quantity = Math.max(1, quantity + between(r, -3, 5));
      } else {
        continue;
      }
      versions.set(coreIndex, current.closed(at, at));
      coreIndex = versions.size();
      versions.add(
          new SubscriptionVersion(
              current.subscriptionId(),
              PlanCatalog.of(tier, current.plan().interval(), currency),
              quantity,
              current.discountPct(),
              false,
              at,
              null,
              at - between(r, 0, 2) * DAY,
              null));
    }
  }

  /** Cancels at the end of the billing period that holds {@code decisionDay}; the churn day. */
  long cancel(long decisionDay) {
    LocalDate anchor = LocalDate.ofEpochDay(anchorDay);
    long periodEnd = anchorDay;
    for (int k = 1; periodEnd <= decisionDay; k++) {
      periodEnd = anchor.plusMonths((long) k * interval.months()).toEpochDay();
    }
    long decidedAt = decisionDay * DAY + between(r, 3600, 80_000);
    for (int i = 0; i < versions.size(); i++) {
      SubscriptionVersion v = versions.get(i);
      if (!v.trial() && v.validTo() == null) { // changes stop before the decision
        versions.set(i, v.closed(periodEnd * DAY, Math.max(decidedAt, v.createdAt())));
      }
    }
    return periodEnd;
  }

  void reactivate(long day) {
    SubscriptionVersion last = versions.get(versions.size() - 1);
    Tier tier = last.plan().tier() == Tier.INSIGHTS ? Tier.PRO : last.plan().tier();
    long at = day * DAY + between(r, 3600, 80_000);
    versions.add(
        new SubscriptionVersion(
            "S-" + accountId + "-3",
            PlanCatalog.of(tier, Interval.MONTH, currency),
            tier.perSeat() ? Math.max(1, (int) (last.quantity() * 0.8)) : 1,
            0,
            false,
            at,
            null,
            at,
            null));
  }

  /** A second, flat-priced add-on subscription, cancelled together with the core one. */
  void addOn(long fromDay, Long decisionDay, Long churnDay, long endDay) {
    if (fromDay > endDay || (decisionDay != null && fromDay >= decisionDay)) {
      return;
    }
    long at = fromDay * DAY + between(r, 3600, 80_000);
    Long validTo = churnDay == null ? null : churnDay * DAY;
    Long closedAt = decisionDay == null ? null : decisionDay * DAY + 82_000;
    versions.add(
        new SubscriptionVersion(
            "S-" + accountId + "-2",
            PlanCatalog.of(Tier.INSIGHTS, interval, currency),
            1,
            0,
            false,
            at,
            validTo,
            at,
            closedAt));
  }

  List<SubscriptionVersion> versions() {
    List<SubscriptionVersion> sorted = new ArrayList<>(versions);
    sorted.sort(
        Comparator.comparing(SubscriptionVersion::subscriptionId)
            .thenComparingLong(SubscriptionVersion::validFrom));
    return List.copyOf(sorted);
  }
}
