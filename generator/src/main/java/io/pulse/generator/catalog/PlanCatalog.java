package io.pulse.generator.catalog;

import io.pulse.generator.catalog.Plan.Interval;
import io.pulse.generator.catalog.Plan.Tier;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The price list: every tier × interval × currency. Prices are fixed (not drawn), converted from
 * USD at the starting FX rate and rounded to the currency's precision, so the catalogue is the same
 * for every seed.
 */
public final class PlanCatalog {
  private static final Map<String, Plan> BY_ID = build();

  private PlanCatalog() {}

  public static List<Plan> all() {
    return List.copyOf(BY_ID.values());
  }

  public static Plan of(Tier tier, Interval interval, String currency) {
    return BY_ID.get(id(tier, interval, currency));
  }

  private static String id(Tier tier, Interval interval, String currency) {
    return tier.product() + "-" + tier.code() + "-" + interval.code() + "-" + currency;
  }

  private static Map<String, Plan> build() {
    Map<String, Plan> plans = new LinkedHashMap<>();
    for (Tier tier : Tier.values()) {
      for (Interval interval : Interval.values()) {
        for (String currency : Currencies.ALL) {
          BigDecimal usd =
              tier.monthlyUsd()
                  .multiply(BigDecimal.valueOf(interval.months()))
                  .multiply(interval.priceFactor());
          BigDecimal local =
              Currencies.money(
                  usd.divide(
                      BigDecimal.valueOf(Currencies.startRateToUsd(currency)),
                      6,
                      java.math.RoundingMode.HALF_UP),
                  currency);
          String name =
              "Pulse "
                  + capitalize(tier.code())
                  + " ("
                  + interval.code()
                  + "ly, "
                  + currency
                  + (tier.perSeat() ? ", per seat)" : ", flat)");
          String id = id(tier, interval, currency);
          plans.put(id, new Plan(id, name, tier.product(), tier, interval, local, currency));
        }
      }
    }
    return Collections.unmodifiableMap(plans);
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
