package io.pulse.generator.life;

import static io.pulse.generator.Rng.between;
import static io.pulse.generator.Rng.chance;
import static io.pulse.generator.Rng.pick;

import io.pulse.generator.Rng;
import io.pulse.generator.Times;
import io.pulse.generator.catalog.Country;
import io.pulse.generator.catalog.Segment;
import io.pulse.generator.catalog.Vocabulary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws each account's life plan from a stream seeded by (seed, account index) only, so a plan
 * never depends on other accounts, the thread that draws it, or the scale factor.
 */
public final class LifePlanner {
  /** The product's key features, each with its base adoption probability. */
  public static final List<String> KEY_FEATURES =
      List.of("dashboards", "reports", "alerts", "integrations", "playbooks");

  private static final double[] BASE_ADOPTION = {0.95, 0.70, 0.40, 0.30, 0.20};

  /** Event types counted as value events (METRICS.md §4 {@code value_events}). */
  public static final List<String> VALUE_EVENTS = List.of("report_exported", "playbook_completed");

  private static final long DAY = 86_400L;
  private static final long NEVER = Long.MAX_VALUE / 4;

  private final long seed;
  private final long startDay;
  private final long endDay;

  public LifePlanner(long seed, LocalDate start, LocalDate end) {
    this.seed = seed;
    this.startDay = start.toEpochDay();
    this.endDay = end.toEpochDay();
  }

  public static String accountId(int index) {
    return String.format("A%06d", index + 1);
  }

  public AccountPlan plan(int index) {
    SplittableRandom r = Rng.of(seed, 1, index);
    String id = accountId(index);
    Segment segment = Segment.values()[Rng.weighted(r, 60, 30, 10)];
    Country country = Country.ALL.get(Rng.weighted(r, Country.WEIGHTS));
    String industry = pick(r, Vocabulary.INDUSTRIES);
    String name = name(r);
    String parent = index > 0 && chance(r, 0.08) ? accountId(r.nextInt(index)) : null;
    Quadrant quadrant = Quadrant.values()[Rng.weighted(r, Quadrant.shares())];
    EnumSet<Driver> drivers = drivers(r, quadrant);

    boolean existing = chance(r, 0.6);
    long rangeDays = endDay - startDay + 1;
    long signupDay =
        existing
            ? startDay - between(r, 30, 720)
            : Math.min(endDay, startDay + between(r, 0, (int) Math.max(0, rangeDays - 14)));
    long createdAt = signupDay * DAY + workSecond(r, country);
    boolean trial = chance(r, segment == Segment.ENTERPRISE ? 0.2 : 0.5);
    boolean paid = !trial || chance(r, quadrant.goodExperience() ? 0.8 : 0.55);
    Long firstPaidDay = paid ? signupDay + (trial ? SubscriptionPlanner.TRIAL_DAYS : 0) : null;

    double churnProbability = segment.baseChurn();
    for (Driver d : drivers) {
      churnProbability *= d.churnMultiplier();
    }
    Long decisionDay = null;
    if (paid && chance(r, Math.min(0.9, churnProbability))) {
      long lo = Math.max(firstPaidDay + 60, startDay + 14);
      long hi = endDay - 7;
      if (lo <= hi) {
        decisionDay = lo + r.nextLong(hi - lo + 1);
      }
    }
    long troubleStart =
        decisionDay != null
            ? decisionDay - between(r, 60, 120)
            : startDay + r.nextLong(Math.max(1, rangeDays));

    int seats = between(r, segment.minSeats(), segment.maxSeats());
    SubscriptionPlanner subs =
        new SubscriptionPlanner(
            r,
            id,
            segment,
            country.currency(),
            seats,
            createdAt,
            trial,
            firstPaidDay,
            decisionDay == null ? endDay : decisionDay - 1,
            drivers);
    Long churnDay = decisionDay == null ? null : subs.cancel(decisionDay);
    Long reactivationDay = null;
    if (churnDay != null && chance(r, 0.25) && churnDay + 60 < endDay - 7) {
      reactivationDay = Math.min(churnDay + between(r, 60, 180), endDay - 7);
      subs.reactivate(reactivationDay);
    }
    if (paid && segment != Segment.SMB && chance(r, quadrant.goodOutcome() ? 0.25 : 0.1)) {
      subs.addOn(firstPaidDay + between(r, 30, 200), decisionDay, churnDay, endDay);
    }

    List<CrmVersion> crm = crmVersions(r, segment, createdAt, signupDay, drivers);
    List<Contact> contacts = new ArrayList<>();
    List<ContactRecord> contactRecords = new ArrayList<>();
    contacts(r, id, segment, signupDay, drivers, troubleStart, contacts, contactRecords);
    long lastLiveDay = churnDay != null && reactivationDay == null ? churnDay : NEVER;
    List<SubscriptionVersion> versions = subs.versions();
    List<User> users = users(r, id, seats, versions, signupDay, lastLiveDay, drivers);
    List<Goal> goals =
        paid
            ? goals(r, id, seats, firstPaidDay, Math.min(endDay, lastLiveDay), quadrant)
            : List.of();

    return new AccountPlan(
        index,
        id,
        name,
        parent,
        country,
        industry,
        quadrant,
        drivers,
        createdAt,
        trial,
        firstPaidDay,
        decisionDay,
        churnDay,
        reactivationDay,
        troubleStart,
        seats,
        versions,
        crm,
        contacts,
        contactRecords,
        users,
        goals,
        features(r, quadrant, drivers),
        quadrant.goodOutcome() ? 0.27 : 0.19,
        drivers.contains(Driver.HIGH_ADOPTION) ? 0.4 : quadrant == Quadrant.SUCCESS ? 0.2 : 0.0);
  }

  private static String name(SplittableRandom r) {
    String first = pick(r, Vocabulary.NAME_FIRST);
    String last = pick(r, Vocabulary.NAME_LAST);
    double x = r.nextDouble();
    if (x < 0.05) {
      return first + ", " + last + " & Co"; // a comma: must be quoted
    }
    if (x < 0.08) {
      return "The \"" + first + "\" " + last; // quotes: must be doubled inside quotes
    }
    return first + " " + last;
  }

  private static EnumSet<Driver> drivers(SplittableRandom r, Quadrant q) {
    EnumSet<Driver> d = EnumSet.noneOf(Driver.class);
    boolean goodOutcome = q.goodOutcome();
    boolean goodExperience = q.goodExperience();
    add(d, r, Driver.LOW_LICENSE_UTILIZATION, goodOutcome ? 0.05 : 0.7);
    add(d, r, Driver.FALLING_USAGE, goodOutcome ? 0.08 : 0.4);
    add(d, r, Driver.NO_EARLY_VALUE, goodOutcome ? 0.1 : 0.5);
    add(d, r, Driver.CHAMPION_LOSS, goodOutcome ? 0.1 : 0.3);
    add(d, r, Driver.DETRACTOR_NPS, goodExperience ? 0.03 : 0.8);
    add(d, r, Driver.TICKET_SPIKE, goodExperience ? 0.08 : 0.5);
    add(d, r, Driver.FAILED_PAYMENTS, goodExperience ? 0.05 : 0.2);
    add(d, r, Driver.HIGH_ADOPTION, goodOutcome ? 0.5 : 0.02);
    return d;
  }

  private static void add(EnumSet<Driver> set, SplittableRandom r, Driver d, double p) {
    if (chance(r, p)) {
      set.add(d);
    }
  }

  /** A second of the account's working day (08:00-18:00 local), as seconds after UTC midnight. */
  static int workSecond(SplittableRandom r, Country country) {
    int local = between(r, 8 * 3600, 18 * 3600);
    return Math.floorMod(local - country.offset().getTotalSeconds(), 86_400);
  }

  private List<CrmVersion> crmVersions(
      SplittableRandom r, Segment segment, long createdAt, long signupDay, EnumSet<Driver> d) {
    List<CrmVersion> versions = new ArrayList<>();
    String owner = pick(r, Vocabulary.CSM_OWNERS);
    versions.add(new CrmVersion(createdAt, segment, owner));
    long from = Math.max(signupDay + 30, startDay - 60);
    if (from >= endDay) {
      return versions;
    }
    int ownerChanges = between(r, 0, 2);
    boolean moves = segment == Segment.SMB && d.contains(Driver.HIGH_ADOPTION) && chance(r, 0.5);
    boolean shrinks = segment == Segment.ENTERPRISE && chance(r, 0.1);
    List<long[]> changes = new ArrayList<>(); // {second, kind}
    for (int i = 0; i < ownerChanges; i++) {
      changes.add(new long[] {instantBetween(r, from, endDay), 0});
    }
    if (moves || shrinks) {
      changes.add(new long[] {instantBetween(r, from, endDay), 1});
    }
    changes.sort(Comparator.comparingLong(c -> c[0]));
    Segment current = segment;
    for (long[] change : changes) {
      if (change[1] == 0) {
        owner = pick(r, Vocabulary.CSM_OWNERS);
      } else {
        current = Segment.MID_MARKET; // smb grew, or enterprise shrank
      }
      versions.add(new CrmVersion(change[0], current, owner));
    }
    return versions;
  }

  private static long instantBetween(SplittableRandom r, long fromDay, long toDay) {
    return (fromDay + r.nextLong(toDay - fromDay + 1)) * DAY + between(r, 3600, 82_800);
  }

  private void contacts(
      SplittableRandom r,
      String id,
      Segment segment,
      long signupDay,
      EnumSet<Driver> drivers,
      long troubleStart,
      List<Contact> contacts,
      List<ContactRecord> records) {
    int n =
        switch (segment) {
          case SMB -> between(r, 2, 4);
          case MID_MARKET -> between(r, 3, 6);
          case ENTERPRISE -> between(r, 5, 9);
        };
    boolean hasChampion = chance(r, 0.85) || drivers.contains(Driver.CHAMPION_LOSS);
    for (int i = 0; i < n; i++) {
      String contactId = "C-" + id + "-" + (i + 1);
      String role = i == 0 ? "admin" : pick(r, Vocabulary.CONTACT_ROLES);
      long joined = signupDay + (i < n - 1 ? between(r, 0, 20) : between(r, 20, 300));
      long left = NEVER;
      boolean champion = i == 0 && hasChampion;
      if (champion && drivers.contains(Driver.CHAMPION_LOSS)) {
        left = Math.max(joined + 30, troubleStart + between(r, 0, 30));
      } else if (i > 0 && chance(r, 0.1)) {
        left = joined + between(r, 60, 600);
      }
      contacts.add(new Contact(contactId, role, joined, left));
      records.add(new ContactRecord(joined * DAY + 36_000, contactId, role, champion, true));
      if (left != NEVER) {
        records.add(new ContactRecord(left * DAY + 50_000, contactId, role, champion, false));
      }
    }
    Contact lost = contacts.get(0);
    if (hasChampion && lost.leftDay() != NEVER && n > 1 && chance(r, 0.4)) {
      Contact successor = contacts.get(1);
      long appointed = lost.leftDay() + between(r, 30, 90);
      if (appointed < successor.leftDay()) {
        records.add(
            new ContactRecord(
                appointed * DAY + 40_000, successor.contactId(), successor.role(), true, true));
      }
    }
    records.sort(
        Comparator.comparingLong(ContactRecord::updatedAt).thenComparing(ContactRecord::contactId));
  }

  /**
   * Users fill a share of the seats (low for planted low utilization). Seats added later get users
   * from the expansion on; most users who leave are replaced, so utilization stays where planted.
   */
  private static List<User> users(
      SplittableRandom r,
      String id,
      int seats,
      List<SubscriptionVersion> versions,
      long signupDay,
      long lastLiveDay,
      EnumSet<Driver> drivers) {
    double utilization =
        drivers.contains(Driver.LOW_LICENSE_UTILIZATION)
            ? between(r, 0.15, 0.35)
            : between(r, 0.55, 0.85);
    int base = Math.max(1, (int) Math.round(seats * utilization));
    List<User> users = new ArrayList<>();
    for (int u = 0; u < base; u++) {
      long joined = signupDay + (u < 0.7 * base ? between(r, 0, 30) : between(r, 30, 120));
      addUser(r, id, users, joined, lastLiveDay, drivers);
    }
    int seen = seats;
    for (SubscriptionVersion v : versions) {
      if (v.trial() || !v.plan().isPerSeat() || v.quantity() <= seen) {
        continue;
      }
      int more = (int) Math.round((v.quantity() - seen) * utilization);
      for (int u = 0; u < more; u++) {
        addUser(r, id, users, Times.dayOf(v.validFrom()) + between(r, 0, 30), lastLiveDay, drivers);
      }
      seen = v.quantity();
    }
    return users;
  }

  private static void addUser(
      SplittableRandom r,
      String id,
      List<User> users,
      long joined,
      long lastLiveDay,
      EnumSet<Driver> drivers) {
    long left = chance(r, 0.2) ? joined + between(r, 60, 500) : NEVER;
    users.add(new User("U-" + id + "-" + (users.size() + 1), joined, Math.min(left, lastLiveDay)));
    boolean replaced = !drivers.contains(Driver.LOW_LICENSE_UTILIZATION) && chance(r, 0.5);
    if (left < lastLiveDay && replaced) {
      addUser(r, id, users, left + between(r, 1, 20), lastLiveDay, drivers);
    }
  }

  private static List<Goal> goals(
      SplittableRandom r, String id, int seats, long firstPaidDay, long lastDay, Quadrant q) {
    List<Goal> goals = new ArrayList<>();
    int n = 0;
    for (long start = firstPaidDay; start <= lastDay; start += 90) {
      int count = start == firstPaidDay ? between(r, 1, 3) : between(r, 0, 1);
      for (int i = 0; i < count; i++) {
        boolean achieved = chance(r, q.goodOutcome() ? 0.75 : 0.2);
        boolean onTrack = chance(r, achieved ? 0.85 : 0.3);
        goals.add(
            new Goal(
                "G-" + id + "-" + (++n),
                pick(r, VALUE_EVENTS),
                Math.max(3, seats / 4 + between(r, 2, 10)),
                start,
                start + 90,
                onTrack,
                achieved));
      }
    }
    return goals;
  }

  private static List<String> features(SplittableRandom r, Quadrant q, EnumSet<Driver> drivers) {
    List<String> adopted = new ArrayList<>();
    for (int i = 0; i < KEY_FEATURES.size(); i++) {
      double p = BASE_ADOPTION[i];
      if (drivers.contains(Driver.HIGH_ADOPTION)) {
        p = Math.max(p, 0.85);
      } else if (!q.goodOutcome() && i > 0) {
        p *= 0.6;
      }
      if (i == 0 || chance(r, p)) {
        adopted.add(KEY_FEATURES.get(i));
      }
    }
    return List.copyOf(adopted);
  }
}
