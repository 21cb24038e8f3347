package io.pulse.generator.daily;

import io.pulse.generator.Times;
import io.pulse.generator.life.AccountPlan;
import io.pulse.generator.life.ContactRecord;
import io.pulse.generator.life.CrmVersion;
import io.pulse.generator.life.Goal;
import io.pulse.generator.life.SubscriptionVersion;
import io.pulse.generator.output.Row;
import io.pulse.generator.output.Source;
import java.util.List;
import java.util.Map;

/**
 * Rows that restate what the account's plan says: the daily CRM snapshot, contact changes,
 * subscription versions and success-plan goals. Everything recorded before the first delivery day
 * lands on that day, as an initial load.
 */
final class Snapshots {
  private Snapshots() {}

  static void generate(DayContext c, Map<Source, List<Row>> out) {
    AccountPlan p = c.plan();
    long day = c.day();
    if (Times.dayOf(p.createdAt()) <= day) {
      CrmVersion crm = p.crmOn(day);
      out.get(Source.ACCOUNTS)
          .add(
              Row.of(
                  Source.ACCOUNTS,
                  p.accountId(),
                  p.name(),
                  p.parentId() == null ? "" : p.parentId(),
                  crm.segment().code(),
                  p.industry(),
                  p.country().region(),
                  p.country().code(),
                  crm.csmOwner(),
                  Times.iso(p.createdAt(), c.offset()),
                  Times.iso(crm.updatedAt(), c.offset())));
    }
    for (ContactRecord cr : p.contactRecords()) {
      if (c.deliversToday(Times.dayOf(cr.updatedAt()))) {
        out.get(Source.CONTACTS)
            .add(
                Row.of(
                    Source.CONTACTS,
                    cr.contactId(),
                    p.accountId(),
                    cr.role(),
                    Boolean.toString(cr.champion()),
                    Boolean.toString(cr.active()),
                    Times.iso(cr.updatedAt(), c.offset())));
      }
    }
    for (SubscriptionVersion v : p.versions()) {
      boolean closedLater = v.closedAt() != null && v.closedAt() > v.createdAt();
      if (c.deliversToday(Times.dayOf(v.createdAt()))) {
        out.get(Source.SUBSCRIPTIONS)
            .add(subscription(c, v, closedLater ? null : v.validTo(), v.createdAt()));
      }
      if (closedLater && c.deliversToday(Times.dayOf(v.closedAt()))) {
        out.get(Source.SUBSCRIPTIONS).add(subscription(c, v, v.validTo(), v.closedAt()));
      }
    }
    for (Goal g : p.goals()) {
      boolean changes =
          c.isFirstDay()
              ? g.startDay() <= day
              : day == g.startDay() || day == g.midDay() || day == g.dueDay();
      if (changes) {
        out.get(Source.SUCCESS_PLANS)
            .add(
                Row.of(
                    Source.SUCCESS_PLANS,
                    g.goalId(),
                    p.accountId(),
                    g.valueEvent(),
                    Integer.toString(g.targetCount()),
                    Times.date(g.startDay()),
                    Times.date(g.dueDay()),
                    g.statusOn(day)));
      }
    }
  }

  private static Row subscription(
      DayContext c, SubscriptionVersion v, Long validTo, long updatedAt) {
    var offset = c.offset();
    return Row.of(
        Source.SUBSCRIPTIONS,
        v.subscriptionId(),
        c.plan().accountId(),
        v.plan().planId(),
        v.plan().currency(),
        v.plan().interval().code(),
        Integer.toString(v.quantity()),
        v.unitPrice().toPlainString(),
        v.discountPct() == 0 ? "" : Integer.toString(v.discountPct()),
        Boolean.toString(v.trial()),
        Times.iso(v.validFrom(), offset),
        validTo == null ? "" : Times.iso(validTo, offset),
        Times.iso(updatedAt, offset));
  }
}
