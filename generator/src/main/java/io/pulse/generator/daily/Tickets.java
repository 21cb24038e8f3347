package io.pulse.generator.daily;

import static io.pulse.generator.Rng.between;
import static io.pulse.generator.Rng.chance;
import static io.pulse.generator.Rng.pick;

import io.pulse.generator.Rng;
import io.pulse.generator.Times;
import io.pulse.generator.catalog.Vocabulary;
import io.pulse.generator.life.AccountPlan;
import io.pulse.generator.life.Contact;
import io.pulse.generator.life.Driver;
import io.pulse.generator.output.Row;
import io.pulse.generator.output.Source;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Support tickets, each delivered as several versions as it moves new → open (answered) →
 * pending/on_hold → solved → (reopened → solved) → closed. Planted ticket spikes raise the rate
 * six-fold for 45 days; poor experience slows replies and causes more reopens. Some solved tickets
 * get a CSAT answer.
 */
final class Tickets {
  private static final List<String> PRIORITIES = List.of("low", "normal", "high", "urgent");
  private static final double[] PRIORITY_WEIGHTS = {30, 45, 18, 7};

  /** Typical first-reply hours by priority (low, normal, high, urgent). */
  private static final int[] REPLY_HOURS = {30, 12, 3, 1};

  private Tickets() {}

  static boolean inSpike(AccountPlan p, long day) {
    return p.has(Driver.TICKET_SPIKE)
        && day >= p.troubleStartDay() + 15
        && day < p.troubleStartDay() + 60;
  }

  static void generate(DayContext c) {
    AccountPlan p = c.plan();
    long day = c.day();
    if (!p.liveOn(day)) {
      return;
    }
    SplittableRandom r = c.rng(Source.TICKETS);
    DayOfWeek dow = LocalDate.ofEpochDay(day).getDayOfWeek();
    double rate =
        p.crmOn(day).segment().ticketsPerDay()
            * (inSpike(p, day) ? 6 : 1)
            * (p.quadrant().goodExperience() ? 1 : 1.5)
            * (dow.getValue() >= 6 ? 0.3 : 1);
    int n = Poisson.draw(r, rate);
    for (int i = 0; i < n; i++) {
      open(c, r);
    }
  }

  private static void open(DayContext c, SplittableRandom r) {
    AccountPlan p = c.plan();
    boolean good = p.quadrant().goodExperience() && !inSpike(p, c.day());
    String id = c.state().nextTicketId();
    List<Contact> contacts = c.activeContacts();
    String requester = contacts.isEmpty() ? "" : pick(r, contacts).contactId();
    int priority = Rng.weighted(r, PRIORITY_WEIGHTS);
    String channel = pick(r, Vocabulary.CHANNELS);
    String subject =
        pick(
            r,
            chance(r, good ? 0.3 : 0.85)
                ? Vocabulary.NEGATIVE_SUBJECTS
                : Vocabulary.POSITIVE_SUBJECTS);
    long created = c.day() * Times.DAY + between(r, 0, 86_399);
    double slow = good ? 1 : 2.5;
    long replied =
        created + (long) (REPLY_HOURS[priority] * between(r, 0.1, 1.6) * slow * Times.HOUR) + 60;
    long solved = replied + (long) (between(r, 1.0, 72.0) * slow * Times.HOUR);
    Version v = new Version(c, id, requester, PRIORITIES.get(priority), channel, subject, created);
    v.emit("new", created, null, null, 0);
    v.emit("open", replied, replied, null, 0);
    if (chance(r, 0.3)) {
      long waiting = replied + (solved - replied) / 2;
      v.emit(chance(r, 0.25) ? "on_hold" : "pending", waiting, replied, null, 0);
    }
    v.emit("solved", solved, replied, solved, 0);
    int reopened = 0;
    if (chance(r, good ? 0.06 : 0.3)) {
      reopened = 1;
      long reopenAt = solved + between(r, 2, 72) * Times.HOUR;
      v.emit("open", reopenAt, replied, null, reopened);
      solved = reopenAt + (long) (between(r, 2.0, 48.0) * slow * Times.HOUR);
      v.emit("solved", solved, replied, solved, reopened);
    }
    v.emit("closed", solved + between(r, 3, 7) * Times.DAY, replied, solved, reopened);
    if (chance(r, 0.4)) {
      Surveys.csat(c, r, id, requester, solved + between(r, 1, 48) * Times.HOUR, good);
    }
  }

  /** Writes successive versions of one ticket into the outbox, each on its own day. */
  private record Version(
      DayContext c,
      String id,
      String requester,
      String priority,
      String channel,
      String subject,
      long created) {
    void emit(String status, long updatedAt, Long repliedAt, Long solvedAt, int reopened) {
      var offset = c.offset();
      Row row =
          Row.of(
              Source.TICKETS,
              id,
              c.plan().accountId(),
              requester,
              priority,
              status,
              channel,
              subject,
              Times.iso(created, offset),
              repliedAt == null ? "" : Times.iso(repliedAt, offset),
              solvedAt == null ? "" : Times.iso(solvedAt, offset),
              Integer.toString(reopened),
              Times.iso(updatedAt, offset));
      c.state().schedule(Source.TICKETS, Times.dayOf(updatedAt), row);
    }
  }
}
