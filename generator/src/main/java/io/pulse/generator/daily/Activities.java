package io.pulse.generator.daily;

import static io.pulse.generator.Rng.between;
import static io.pulse.generator.Rng.pick;

import io.pulse.generator.Rng;
import io.pulse.generator.Times;
import io.pulse.generator.catalog.Segment;
import io.pulse.generator.life.AccountPlan;
import io.pulse.generator.life.Contact;
import io.pulse.generator.output.Row;
import io.pulse.generator.output.Source;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * CS touchpoints on working days: meetings, calls, emails and trainings at a segment rate, higher
 * where outcomes are good; a QBR each quarter for mid-market and enterprise accounts.
 */
final class Activities {
  private static final List<String> TYPES = List.of("meeting", "call", "email", "training");
  private static final double[] WEIGHTS = {25, 30, 30, 15};

  private Activities() {}

  static void generate(DayContext c) {
    AccountPlan p = c.plan();
    long day = c.day();
    LocalDate date = LocalDate.ofEpochDay(day);
    if (!p.liveOn(day) || date.getDayOfWeek().getValue() >= 6) {
      return;
    }
    SplittableRandom r = c.rng(Source.ACTIVITIES);
    Segment segment = p.crmOn(day).segment();
    List<Contact> contacts = c.activeContacts();
    double rate = segment.touchpointsPerDay() * (p.quadrant().goodOutcome() ? 1.3 : 0.6);
    int n = Poisson.draw(r, rate);
    for (int i = 0; i < n; i++) {
      emit(c, r, contacts, TYPES.get(Rng.weighted(r, WEIGHTS)));
    }
    int qbrDay = 10 + p.index() % 20; // a fixed working-ish day in the quarter's first month
    boolean quarterMonth = (date.getMonthValue() - 1) % 3 == 0;
    if (segment != Segment.SMB && quarterMonth && date.getDayOfMonth() == qbrDay) {
      emit(c, r, contacts, "qbr");
    }
  }

  private static void emit(DayContext c, SplittableRandom r, List<Contact> contacts, String type) {
    long at = c.day() * Times.DAY + between(r, 0, 86_399);
    String contact = contacts.isEmpty() ? "" : pick(r, contacts).contactId();
    c.state()
        .schedule(
            Source.ACTIVITIES,
            c.day(),
            Row.of(
                Source.ACTIVITIES,
                c.state().nextActivityId(),
                c.plan().accountId(),
                contact,
                type,
                Times.iso(at, c.offset())));
  }
}
