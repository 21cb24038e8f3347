package io.pulse.generator.daily;

import static io.pulse.generator.Rng.between;
import static io.pulse.generator.Rng.chance;
import static io.pulse.generator.Rng.pick;

import io.pulse.generator.Rng;
import io.pulse.generator.Times;
import io.pulse.generator.life.AccountPlan;
import io.pulse.generator.life.Driver;
import io.pulse.generator.life.User;
import io.pulse.generator.output.Row;
import io.pulse.generator.output.Source;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Product usage: each seated user is active on a day with a probability shaped by the weekday, the
 * account's growth and planted decline; an active user opens a session and uses some of the
 * account's adopted key features. A few events arrive 1-3 days late, a few twice.
 */
final class UsageEvents {
  /** Monday … Sunday: weekly seasonality. */
  private static final double[] WEEKDAY = {1.0, 1.05, 1.05, 1.0, 0.9, 0.2, 0.12};

  /** Mean feature events per active user-day beyond the session start. */
  static final double FEATURE_EVENTS_MEAN = 1.0;

  static final double LATE_SHARE = 0.02;
  static final double DUPLICATE_SHARE = 0.005;

  private static final List<String> CLIENTS = List.of("web", "web", "web", "mobile", "api");

  private UsageEvents() {}

  static void generate(DayContext c) {
    AccountPlan p = c.plan();
    long day = c.day();
    if (!p.liveOn(day)) {
      return;
    }
    SplittableRandom r = c.rng(Source.USAGE_EVENTS);
    double weekday = WEEKDAY[LocalDate.ofEpochDay(day).getDayOfWeek().getValue() - 1];
    double years = Math.max(0, (day - p.signupDay()) / 365.0);
    double trend = Math.min(2.0, 1 + p.growthPerYear() * years);
    if (p.has(Driver.FALLING_USAGE) && day >= p.troubleStartDay()) {
      trend *= Math.max(0.2, 1 - 0.8 * (day - p.troubleStartDay()) / 90.0);
    }
    double active = Math.min(0.95, p.activity() * weekday * trend);
    boolean valueAllowed =
        !(p.has(Driver.NO_EARLY_VALUE) && p.firstPaidDay() != null && day < p.firstPaidDay() + 45);
    long lastMilli = (day + 1) * Times.DAY * 1000 - 1;
    for (User u : p.users()) {
      if (!u.activeOn(day) || !chance(r, active)) {
        continue;
      }
      long at = day * Times.DAY * 1000 + workSecondUtc(r, c) * 1000L + r.nextInt(1000);
      String client = pick(r, CLIENTS);
      emit(c, r, u, "session_started", "", Math.min(at, lastMilli), client);
      int n = Rng.geometric(r, FEATURE_EVENTS_MEAN);
      for (int k = 0; k < n; k++) {
        at += between(r, 20, 900) * 1000L;
        String feature = pick(r, p.adoptedFeatures());
        emit(
            c, r, u, eventType(r, feature, valueAllowed), feature, Math.min(at, lastMilli), client);
      }
    }
  }

  private static long workSecondUtc(SplittableRandom r, DayContext c) {
    int local = between(r, 7 * 3600, 19 * 3600);
    return Math.floorMod(local - c.offset().getTotalSeconds(), 86_400);
  }

  private static String eventType(SplittableRandom r, String feature, boolean valueAllowed) {
    double x = r.nextDouble();
    return switch (feature) {
      case "dashboards" -> x < 0.8 ? "dashboard_viewed" : "dashboard_shared";
      case "reports" -> x < 0.6 || !valueAllowed ? "report_created" : "report_exported";
      case "alerts" -> x < 0.3 ? "alert_configured" : "alert_triggered";
      case "integrations" -> "integration_synced";
      default -> x < 0.7 || !valueAllowed ? "playbook_run" : "playbook_completed";
    };
  }

  private static void emit(
      DayContext c,
      SplittableRandom r,
      User user,
      String type,
      String feature,
      long atMilli,
      String client) {
    String id = new UUID(r.nextLong(), r.nextLong()).toString();
    Row row =
        Row.of(
            Source.USAGE_EVENTS,
            id,
            c.plan().accountId(),
            user.userId(),
            type,
            feature,
            Times.isoMillis(atMilli),
            client,
            Integer.toString(between(r, 50, 5000)));
    long deliver = c.day() + (chance(r, LATE_SHARE) ? between(r, 1, 3) : 0);
    c.state().schedule(Source.USAGE_EVENTS, deliver, row);
    if (chance(r, DUPLICATE_SHARE)) { // at-least-once delivery: the same event again
      c.state()
          .schedule(Source.USAGE_EVENTS, Math.min(c.day() + 3, deliver + between(r, 0, 1)), row);
    }
  }
}
