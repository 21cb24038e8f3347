package io.pulse.generator.daily;

import io.pulse.generator.Rng;
import io.pulse.generator.Times;
import io.pulse.generator.catalog.Currencies;
import io.pulse.generator.catalog.Plan;
import io.pulse.generator.catalog.PlanCatalog;
import io.pulse.generator.output.Row;
import io.pulse.generator.output.Source;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Rows that belong to no account: the plan catalogue (delivered on the first day and on every 1st
 * of a month) and daily FX rates, a random walk per currency (the first day also carries two years
 * of history, so every subscription version's start date has a rate).
 */
public final class GlobalRows {
  static final int FX_HISTORY_DAYS = 730;

  private final long firstDay;
  private final long fxFrom;
  private final double[][] rates;

  public GlobalRows(long seed, LocalDate start, LocalDate end) {
    firstDay = start.toEpochDay();
    fxFrom = firstDay - FX_HISTORY_DAYS;
    int days = (int) (end.toEpochDay() - fxFrom + 1);
    rates = new double[Currencies.QUOTED.size()][days];
    for (int c = 0; c < rates.length; c++) {
      SplittableRandom r = Rng.of(seed, 3, c);
      double rate = Currencies.startRateToUsd(Currencies.QUOTED.get(c));
      for (int d = 0; d < days; d++) {
        rate *= Math.exp(r.nextGaussian() * 0.004);
        rates[c][d] = rate;
      }
    }
  }

  public List<Row> plans(long day) {
    List<Row> rows = new ArrayList<>();
    if (day != firstDay && LocalDate.ofEpochDay(day).getDayOfMonth() != 1) {
      return rows;
    }
    for (Plan p : PlanCatalog.all()) {
      rows.add(
          Row.of(
              Source.PLANS,
              p.planId(),
              p.planName(),
              p.product(),
              p.tier().code(),
              p.interval().code(),
              p.listPrice().toPlainString(),
              p.currency(),
              Boolean.toString(p.isPerSeat())));
    }
    return rows;
  }

  public List<Row> fxRates(long day) {
    List<Row> rows = new ArrayList<>();
    for (long d = day == firstDay ? fxFrom : day; d <= day; d++) {
      for (int c = 0; c < rates.length; c++) {
        BigDecimal rate =
            BigDecimal.valueOf(rates[c][(int) (d - fxFrom)]).setScale(8, RoundingMode.HALF_UP);
        rows.add(
            Row.of(Source.FX_RATES, Times.date(d), Currencies.QUOTED.get(c), rate.toPlainString()));
      }
    }
    return rows;
  }
}
