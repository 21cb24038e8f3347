package io.pulse.generator.daily;

import io.pulse.generator.Rng;
import io.pulse.generator.life.AccountPlan;
import io.pulse.generator.life.Contact;
import io.pulse.generator.output.Source;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** One account on one delivery day: the plan, its carried state, and its random streams. */
record DayContext(long seed, long firstDay, long day, AccountState state) {
  AccountPlan plan() {
    return state.plan();
  }

  /** The stream for this account, day and source: the same whatever else was generated. */
  SplittableRandom rng(Source source) {
    return Rng.of(seed, 2, plan().index(), day, source.ordinal());
  }

  boolean isFirstDay() {
    return day == firstDay;
  }

  ZoneOffset offset() {
    return plan().country().offset();
  }

  List<Contact> activeContacts() {
    List<Contact> active = new ArrayList<>();
    for (Contact c : plan().contacts()) {
      if (c.activeOn(day)) {
        active.add(c);
      }
    }
    return active;
  }

  /** Whether a row recorded on {@code recordDay} is delivered today (history lands on day one). */
  boolean deliversToday(long recordDay) {
    return isFirstDay() ? recordDay <= day : recordDay == day;
  }
}
