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
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Survey answers: NPS (0-10) in a wave at the start of every calendar quarter, CES (1-7) from a
 * monthly sample, CSAT (1-5) after solved tickets. Planted detractors answer 0-6 from 30 days
 * before their trouble starts; comments use clearly positive or negative wording by score.
 */
final class Surveys {
  private Surveys() {}

  static void generate(DayContext c) {
    AccountPlan p = c.plan();
    LocalDate date = LocalDate.ofEpochDay(c.day());
    if (!p.liveOn(c.day()) || date.getDayOfMonth() != 1) {
      return;
    }
    SplittableRandom r = c.rng(Source.SURVEYS);
    boolean quarterStart = (date.getMonthValue() - 1) % 3 == 0;
    for (Contact contact : c.activeContacts()) {
      if (quarterStart && chance(r, 0.35)) {
        long at = (c.day() + between(r, 0, 13)) * Times.DAY + between(r, 0, 86_399);
        int score = npsScore(r, p, Times.dayOf(at));
        schedule(
            c,
            r,
            contact.contactId(),
            "nps",
            Integer.toString(score),
            score >= 9,
            score <= 6,
            at,
            "");
      }
      if (chance(r, 0.08)) {
        long at = (c.day() + between(r, 0, 9)) * Times.DAY + between(r, 0, 86_399);
        int score = p.quadrant().goodExperience() ? between(r, 5, 7) : between(r, 2, 5);
        schedule(
            c,
            r,
            contact.contactId(),
            "ces",
            Integer.toString(score),
            score >= 6,
            score <= 3,
            at,
            "");
      }
    }
  }

  static int npsScore(SplittableRandom r, AccountPlan p, long day) {
    if (p.has(Driver.DETRACTOR_NPS) && day >= p.troubleStartDay() - 30) {
      return between(r, 0, 6);
    }
    int band =
        p.quadrant().goodExperience() ? Rng.weighted(r, 10, 30, 60) : Rng.weighted(r, 50, 35, 15);
    return switch (band) {
      case 0 -> between(r, 0, 6);
      case 1 -> between(r, 7, 8);
      default -> between(r, 9, 10);
    };
  }

  /** A CSAT answer to a solved ticket; a few are left unrated (empty score, rule E2). */
  static void csat(
      DayContext c, SplittableRandom r, String ticketId, String contactId, long at, boolean good) {
    if (chance(r, 0.03)) {
      schedule(c, r, contactId, "csat", "", false, false, at, ticketId);
      return;
    }
    int score =
        1 + (good ? Rng.weighted(r, 3, 5, 12, 35, 45) : Rng.weighted(r, 20, 20, 25, 20, 15));
    schedule(
        c, r, contactId, "csat", Integer.toString(score), score >= 4, score <= 2, at, ticketId);
  }

  private static void schedule(
      DayContext c,
      SplittableRandom r,
      String contactId,
      String type,
      String score,
      boolean positive,
      boolean negative,
      long at,
      String ticketId) {
    String comment = "";
    if (chance(r, 0.5)) {
      comment =
          pick(
              r,
              positive
                  ? Vocabulary.POSITIVE_COMMENTS
                  : negative ? Vocabulary.NEGATIVE_COMMENTS : Vocabulary.NEUTRAL_COMMENTS);
    }
    Row row =
        Row.of(
            Source.SURVEYS,
            c.state().nextResponseId(),
            c.plan().accountId(),
            contactId,
            type,
            score,
            comment,
            Times.iso(at, c.offset()),
            ticketId);
    c.state().schedule(Source.SURVEYS, Times.dayOf(at), row);
  }
}
