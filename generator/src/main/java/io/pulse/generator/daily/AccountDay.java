package io.pulse.generator.daily;

import io.pulse.generator.output.Row;
import io.pulse.generator.output.Source;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Generates one delivery day's rows for a chunk of accounts, in account order. */
public final class AccountDay {
  /** Sources whose rows come from the accounts (plans and fx_rates are global). */
  public static final List<Source> ACCOUNT_SOURCES =
      List.of(
          Source.USAGE_EVENTS,
          Source.ACCOUNTS,
          Source.CONTACTS,
          Source.ACTIVITIES,
          Source.SUCCESS_PLANS,
          Source.SUBSCRIPTIONS,
          Source.INVOICES,
          Source.SURVEYS,
          Source.TICKETS);

  /** Sources whose rows can be decided before the day they are delivered. */
  private static final List<Source> SCHEDULED =
      List.of(
          Source.USAGE_EVENTS, Source.ACTIVITIES, Source.INVOICES, Source.SURVEYS, Source.TICKETS);

  private AccountDay() {}

  public static Map<Source, List<Row>> generate(
      long seed, long firstDay, long day, List<AccountState> chunk) {
    Map<Source, List<Row>> out = new EnumMap<>(Source.class);
    for (Source s : ACCOUNT_SOURCES) {
      out.put(s, new ArrayList<>());
    }
    for (AccountState state : chunk) {
      DayContext c = new DayContext(seed, firstDay, day, state);
      Snapshots.generate(c, out);
      UsageEvents.generate(c);
      Tickets.generate(c);
      Surveys.generate(c);
      Activities.generate(c);
      Invoices.generate(c);
      for (Source s : SCHEDULED) {
        state.drain(s, day, out.get(s));
      }
    }
    return out;
  }
}
