package io.pulse.generator.catalog;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Where an account is: its sales region, billing currency, sales-tax rate and the fixed UTC offset
 * its CRM and ticketing tools write timestamps with.
 */
public record Country(
    String code, String region, String currency, BigDecimal taxRate, ZoneOffset offset) {
  public static final List<Country> ALL =
      List.of(
          of("US", "NA", "USD", "0.00", -5),
          of("CA", "NA", "USD", "0.05", -5),
          of("GB", "EMEA", "GBP", "0.20", 0),
          of("DE", "EMEA", "EUR", "0.19", 1),
          of("FR", "EMEA", "EUR", "0.20", 1),
          of("NL", "EMEA", "EUR", "0.21", 1),
          of("ES", "EMEA", "EUR", "0.21", 1),
          of("JP", "APAC", "JPY", "0.10", 9),
          of("AU", "APAC", "USD", "0.10", 10),
          of("SG", "APAC", "USD", "0.09", 8));

  /** Relative frequency of each country in {@link #ALL}. */
  public static final double[] WEIGHTS = {35, 5, 12, 10, 8, 4, 4, 10, 7, 5};

  private static Country of(String code, String region, String currency, String tax, int hours) {
    return new Country(code, region, currency, new BigDecimal(tax), ZoneOffset.ofHours(hours));
  }
}
