package io.pulse.generator.daily;

import static io.pulse.generator.Rng.between;
import static io.pulse.generator.Rng.chance;

import io.pulse.generator.Times;
import io.pulse.generator.catalog.Currencies;
import io.pulse.generator.catalog.Segment;
import io.pulse.generator.life.AccountPlan;
import io.pulse.generator.life.Driver;
import io.pulse.generator.life.SubscriptionVersion;
import io.pulse.generator.output.Row;
import io.pulse.generator.output.Source;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One invoice per subscription and billing period, issued in advance on the period's first day at
 * the terms then in force. Delivered open, then again when paid, voided or written off
 * (uncollectible). Planted failed payments leave invoices unpaid past due and uncollectible.
 */
final class Invoices {
  private Invoices() {}

  static void generate(DayContext c) {
    AccountPlan p = c.plan();
    long day = c.day();
    long start = day * Times.DAY;
    SplittableRandom r = null;
    Set<String> billed = new HashSet<>();
    for (SubscriptionVersion v : p.versions()) {
      if (v.trial() || !v.activeAt(start) || !billed.add(v.subscriptionId())) {
        continue;
      }
      if (!isPeriodStart(anchorDay(p.versions(), v.subscriptionId()), day, v)) {
        continue;
      }
      if (r == null) {
        r = c.rng(Source.INVOICES);
      }
      issue(c, r, v);
    }
  }

  private static long anchorDay(List<SubscriptionVersion> versions, String subscriptionId) {
    for (SubscriptionVersion v : versions) {
      if (!v.trial() && v.subscriptionId().equals(subscriptionId)) {
        return Times.dayOf(v.validFrom());
      }
    }
    throw new IllegalStateException("no paid version of " + subscriptionId);
  }

  private static boolean isPeriodStart(long anchorDay, long day, SubscriptionVersion v) {
    LocalDate anchor = LocalDate.ofEpochDay(anchorDay);
    LocalDate date = LocalDate.ofEpochDay(day);
    long months = ChronoUnit.MONTHS.between(anchor, date);
    int interval = v.plan().interval().months();
    return months % interval == 0 && anchor.plusMonths(months).equals(date);
  }

  private static void issue(DayContext c, SplittableRandom r, SubscriptionVersion v) {
    AccountPlan p = c.plan();
    String currency = v.plan().currency();
    BigDecimal subtotal =
        Currencies.money(
            v.unitPrice()
                .multiply(BigDecimal.valueOf(v.quantity()))
                .multiply(BigDecimal.valueOf(100 - v.discountPct()))
                .movePointLeft(2),
            currency);
    BigDecimal tax = Currencies.money(subtotal.multiply(p.country().taxRate()), currency);
    long issued = c.day() * Times.DAY + between(r, 1, 4) * Times.HOUR;
    int dueDays = p.crmOn(c.day()).segment() == Segment.ENTERPRISE ? 30 : 14;
    long due = issued + dueDays * Times.DAY;
    Invoice invoice =
        new Invoice(c, c.state().nextInvoiceId(), currency, issued, due, subtotal, tax);
    invoice.emit(c.day(), "open", null);
    boolean troubled = p.has(Driver.FAILED_PAYMENTS) && c.day() >= p.troubleStartDay();
    if (chance(r, 0.01)) {
      invoice.emit(c.day() + between(r, 1, 3), "void", null);
    } else if (chance(r, troubled ? 0.7 : 0.02)) {
      if (chance(r, 0.7)) {
        invoice.emit(Times.dayOf(due) + 30, "uncollectible", null);
      } else {
        long paid = due + between(r, 5, 25) * Times.DAY;
        invoice.emit(Times.dayOf(paid), "paid", paid);
      }
    } else {
      long paid = issued + between(r, 1, dueDays - 1) * Times.DAY + between(r, 0, 20_000);
      invoice.emit(Times.dayOf(paid), "paid", paid);
    }
  }

  /** An invoice's fixed fields; each status change is delivered as a new row on its day. */
  private record Invoice(
      DayContext c,
      String id,
      String currency,
      long issued,
      long due,
      BigDecimal subtotal,
      BigDecimal tax) {
    void emit(long day, String status, Long paidAt) {
      var offset = c.offset();
      Row row =
          Row.of(
              Source.INVOICES,
              id,
              c.plan().accountId(),
              currency,
              Times.iso(issued, offset),
              Times.iso(due, offset),
              status,
              subtotal.toPlainString(),
              tax.toPlainString(),
              subtotal.add(tax).toPlainString(),
              paidAt == null ? "" : Times.iso(paidAt, offset));
      c.state().schedule(Source.INVOICES, day, row);
    }
  }
}
