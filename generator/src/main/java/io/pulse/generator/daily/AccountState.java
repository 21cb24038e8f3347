package io.pulse.generator.daily;

import io.pulse.generator.life.AccountPlan;
import io.pulse.generator.output.Row;
import io.pulse.generator.output.Source;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one account carries from day to day: rows already decided but delivered later (late events,
 * ticket versions, invoice payments, survey answers) and its id counters. Only the task that owns
 * the account's chunk touches it, one day at a time.
 */
public final class AccountState {
  private final AccountPlan plan;
  private final Map<Source, TreeMap<Long, List<Row>>> outbox = new EnumMap<>(Source.class);
  private int tickets;
  private int responses;
  private int activities;
  private int invoices;

  public AccountState(AccountPlan plan) {
    this.plan = plan;
  }

  public AccountPlan plan() {
    return plan;
  }

  /** Delivers {@code row} in {@code source}'s partition of {@code day}. */
  public void schedule(Source source, long day, Row row) {
    outbox
        .computeIfAbsent(source, s -> new TreeMap<>())
        .computeIfAbsent(day, d -> new ArrayList<>())
        .add(row);
  }

  /** Rows scheduled for {@code day} or earlier, in the order they were scheduled; removed. */
  public void drain(Source source, long day, List<Row> into) {
    TreeMap<Long, List<Row>> bySource = outbox.get(source);
    if (bySource == null) {
      return;
    }
    while (!bySource.isEmpty() && bySource.firstKey() <= day) {
      into.addAll(bySource.pollFirstEntry().getValue());
    }
  }

  String nextTicketId() {
    return "T-" + plan.accountId() + "-" + ++tickets;
  }

  String nextResponseId() {
    return "R-" + plan.accountId() + "-" + ++responses;
  }

  String nextActivityId() {
    return "ACT-" + plan.accountId() + "-" + ++activities;
  }

  String nextInvoiceId() {
    return "INV-" + plan.accountId() + "-" + ++invoices;
  }
}
