package io.pulse.generator.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The billing currencies, their starting USD rates and how many decimals their money has. */
public final class Currencies {
  public static final String USD = "USD";

  /** Every billing currency; the reporting currency USD first. */
  public static final List<String> ALL = List.of("USD", "EUR", "GBP", "JPY");

  /** Currencies that get a daily {@code fx_rates} row (USD is the reporting currency: 1). */
  public static final List<String> QUOTED = List.of("EUR", "GBP", "JPY");

  private Currencies() {}

  /** USD per unit at the start of the FX walk. */
  public static double startRateToUsd(String currency) {
    return switch (currency) {
      case "EUR" -> 1.08;
      case "GBP" -> 1.27;
      case "JPY" -> 0.0067;
      default -> 1.0;
    };
  }

  public static int decimals(String currency) {
    return "JPY".equals(currency) ? 0 : 2;
  }

  /** A money amount rounded the way the currency is billed. */
  public static BigDecimal money(BigDecimal amount, String currency) {
    return amount.setScale(decimals(currency), RoundingMode.HALF_UP);
  }
}
