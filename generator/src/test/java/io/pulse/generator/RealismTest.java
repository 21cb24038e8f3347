package io.pulse.generator;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.generator.output.Source;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each realism item of docs/generator.md, asserted on generated landing data. */
class RealismTest {
  private static final Pattern WITH_OFFSET =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?(Z|[+-]\\d\\d:\\d\\d)");

  private static SharedLanding data;

  @BeforeAll
  static void load() {
    data = SharedLanding.get();
  }

  private static List<Map<String, String>> rows(Source s) {
    return data.rows(s);
  }

  private static Set<String> values(Source s, String column) {
    return rows(s).stream().map(r -> r.get(column)).collect(toSet());
  }

  private static LocalDate utcDate(String timestamp) {
    return OffsetDateTime.parse(timestamp).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
  }

  private static Map<String, CSVRecord> truthById() {
    Map<String, CSVRecord> byId = new HashMap<>();
    data.truth.forEach(r -> byId.put(r.get("account_id"), r));
    return byId;
  }

  @Test
  void segmentsDifferInSeatsAndPrices() {
    assertEquals(Set.of("smb", "mid_market", "enterprise"), values(Source.ACCOUNTS, "segment"));
    Map<String, CSVRecord> truth = truthById();
    Map<String, List<Integer>> seats = new TreeMap<>();
    for (Map<String, String> v : rows(Source.SUBSCRIPTIONS)) {
      if (v.get("plan_id").startsWith("core-pro")
          || v.get("plan_id").startsWith("core-enterprise")) {
        seats
            .computeIfAbsent(truth.get(v.get("account_id")).get("segment"), k -> new ArrayList<>())
            .add(Integer.parseInt(v.get("quantity")));
      }
    }
    double smb = mean(seats.get("smb"));
    double mid = mean(seats.get("mid_market"));
    double ent = mean(seats.get("enterprise"));
    assertTrue(smb < mid && mid < ent, seats.keySet() + " " + smb + " " + mid + " " + ent);
    Map<String, String> prices = new HashMap<>();
    rows(Source.PLANS).forEach(p -> prices.put(p.get("plan_id"), p.get("list_price")));
    assertEquals("49.00", prices.get("core-starter-month-USD"));
    assertEquals("25.00", prices.get("core-pro-month-USD"));
    assertEquals("55.00", prices.get("core-enterprise-month-USD"));
    assertEquals("255.00", prices.get("core-pro-year-USD")); // 12 months at 15% off
  }

  @Test
  void parentAndChildAccounts() {
    Set<String> ids = values(Source.ACCOUNTS, "account_id");
    Set<String> parents = values(Source.ACCOUNTS, "parent_account_id");
    parents.remove("");
    assertTrue(parents.size() >= 3, parents.toString());
    assertTrue(ids.containsAll(parents), "every parent is an account");
  }

  @Test
  void regionsCurrenciesAndDailyFxRates() {
    assertEquals(Set.of("NA", "EMEA", "APAC"), values(Source.ACCOUNTS, "region"));
    assertEquals(Set.of("USD", "EUR", "GBP", "JPY"), values(Source.SUBSCRIPTIONS, "currency"));
    List<Map<String, String>> fx = rows(Source.FX_RATES);
    long days = ChronoUnit.DAYS.between(SharedLanding.START, SharedLanding.END) + 1;
    assertEquals((730 + days) * 3, fx.size());
    for (Map<String, String> r : fx) {
      if (!r.get("_dt").equals(SharedLanding.START.toString())) {
        assertEquals(r.get("_dt"), r.get("rate_date"), "a day's rate is delivered that day");
      }
    }
    assertEquals(Set.of("EUR", "GBP", "JPY"), values(Source.FX_RATES, "currency"));
  }

  @Test
  void plansAreMonthlyQuarterlyAnnualPerSeatAndFlat() {
    assertEquals(
        Set.of("month", "quarter", "year"), values(Source.SUBSCRIPTIONS, "billing_interval"));
    assertEquals(Set.of("true", "false"), values(Source.PLANS, "is_per_seat"));
    assertEquals(
        48, rows(Source.PLANS).stream().filter(r -> r.get("_dt").equals("2025-10-01")).count());
  }

  @Test
  void trialsConvertOrLapse() {
    Map<String, Set<String>> trialFlags =
        rows(Source.SUBSCRIPTIONS).stream()
            .collect(
                groupingBy(
                    r -> r.get("subscription_id"),
                    Collectors.mapping(r -> r.get("is_trial"), toSet())));
    long converted =
        trialFlags.values().stream().filter(f -> f.equals(Set.of("true", "false"))).count();
    long lapsed = trialFlags.values().stream().filter(f -> f.equals(Set.of("true"))).count();
    assertTrue(converted >= 5 && lapsed >= 5, "converted " + converted + ", lapsed " + lapsed);
  }

  @Test
  void discountsAndEmptyDiscountMeaningZero() {
    Set<String> discounts = values(Source.SUBSCRIPTIONS, "discount_pct");
    assertTrue(discounts.contains(""), discounts.toString());
    assertTrue(
        discounts.stream().anyMatch(d -> !d.isEmpty() && Integer.parseInt(d) > 0),
        discounts.toString());
  }

  /** Versions of one subscription, by valid_from, taking each version's latest row. */
  private static Map<String, TreeMap<String, Map<String, String>>> versions() {
    Map<String, TreeMap<String, Map<String, String>>> subs = new TreeMap<>();
    for (Map<String, String> r : rows(Source.SUBSCRIPTIONS)) {
      TreeMap<String, Map<String, String>> byFrom =
          subs.computeIfAbsent(r.get("subscription_id"), k -> new TreeMap<>());
      String from = OffsetDateTime.parse(r.get("valid_from")).toInstant().toString();
      Map<String, String> prev = byFrom.get(from);
      if (prev == null || prev.get("updated_at").compareTo(r.get("updated_at")) <= 0) {
        byFrom.put(from, r);
      }
    }
    return subs;
  }

  @Test
  void midMonthUpgradesDowngradesAndSeatChangesAreNewVersions() {
    int upgrades = 0;
    int seatsUp = 0;
    int seatsDown = 0;
    for (TreeMap<String, Map<String, String>> byFrom : versions().values()) {
      Map<String, String> prev = null;
      for (Map<String, String> v : byFrom.values()) {
        if (prev != null && prev.get("is_trial").equals("false")) {
          int day = utcDate(v.get("valid_from")).getDayOfMonth();
          assertTrue(day >= 10 && day <= 20, "mid-month change: " + v);
          assertEquals(prev.get("valid_to"), v.get("valid_from"), "versions abut");
          if (prev.get("plan_id").contains("starter") && v.get("plan_id").contains("pro")) {
            upgrades++;
          } else if (Integer.parseInt(v.get("quantity")) > Integer.parseInt(prev.get("quantity"))) {
            seatsUp++;
          } else if (Integer.parseInt(v.get("quantity")) < Integer.parseInt(prev.get("quantity"))) {
            seatsDown++;
          }
        }
        prev = v;
      }
    }
    assertTrue(
        upgrades > 0 && seatsUp > 0 && seatsDown > 0, upgrades + " " + seatsUp + " " + seatsDown);
  }

  @Test
  void cancellationsTakeEffectAtTheEndOfTheBillingPeriod() {
    Map<String, CSVRecord> truth = truthById();
    int checked = 0;
    for (Map.Entry<String, TreeMap<String, Map<String, String>>> e : versions().entrySet()) {
      if (!e.getKey().endsWith("-1")) {
        continue;
      }
      Map<String, String> last = e.getValue().lastEntry().getValue();
      CSVRecord t = truth.get(last.get("account_id"));
      if (t.get("churn_date").isEmpty() || last.get("valid_to").isEmpty()) {
        continue;
      }
      LocalDate paidFrom = LocalDate.parse(t.get("first_paid_date"));
      LocalDate end = utcDate(last.get("valid_to"));
      assertEquals(t.get("churn_date"), end.toString(), e.getKey());
      assertTrue(
          OffsetDateTime.parse(last.get("updated_at"))
              .isBefore(OffsetDateTime.parse(last.get("valid_to"))),
          "decided before it takes effect: " + last);
      long months = ChronoUnit.MONTHS.between(paidFrom, end);
      assertTrue(
          paidFrom.plusMonths(months).equals(end) || paidFrom.plusMonths(months + 1).equals(end),
          "a period boundary (month ends clamp): " + last);
      checked++;
    }
    assertTrue(checked >= 10, "cancellations checked: " + checked);
  }

  @Test
  void reactivationsMonthsLaterAndAccountsWithTwoSubscriptions() {
    Map<String, TreeMap<String, Map<String, String>>> subs = versions();
    int reactivated = 0;
    int twoAtOnce = 0;
    for (String id : subs.keySet()) {
      String account = id.substring(2, id.lastIndexOf('-'));
      String core = "S-" + account + "-1";
      if (id.endsWith("-3")) {
        String coreEnd = subs.get(core).lastEntry().getValue().get("valid_to");
        String reFrom = subs.get(id).firstEntry().getValue().get("valid_from");
        assertTrue(ChronoUnit.DAYS.between(utcDate(coreEnd), utcDate(reFrom)) >= 60, id);
        reactivated++;
      }
      if (id.endsWith("-2")) {
        String addOnFrom = subs.get(id).firstEntry().getValue().get("valid_from");
        Map<String, String> coreAtAddOn =
            subs.get(core)
                .floorEntry(OffsetDateTime.parse(addOnFrom).toInstant().toString())
                .getValue();
        assertEquals("false", coreAtAddOn.get("is_trial"));
        twoAtOnce++;
      }
    }
    assertTrue(reactivated >= 1 && twoAtOnce >= 3, reactivated + " " + twoAtOnce);
  }

  @Test
  void usageHasWeeklySeasonality() {
    Map<DayOfWeek, Long> byDay =
        data.events.stream().collect(groupingBy(e -> e.occurredOn().getDayOfWeek(), counting()));
    double weekday = (byDay.get(DayOfWeek.TUESDAY) + byDay.get(DayOfWeek.WEDNESDAY)) / 2.0;
    double weekend = (byDay.get(DayOfWeek.SATURDAY) + byDay.get(DayOfWeek.SUNDAY)) / 2.0;
    assertTrue(weekday > 3 * weekend, byDay.toString());
  }

  @Test
  void usageGrowsAtHighlyAdoptingAccounts() {
    Map<String, CSVRecord> truth = truthById();
    long first = 0;
    long last = 0;
    for (Event e : data.events) {
      CSVRecord t = truth.get(e.accountId());
      if (!t.get("high_adoption").equals("true")
          || !t.get("churn_decision_date").isEmpty()
          || t.get("first_paid_date").isEmpty()
          || !LocalDate.parse(t.get("first_paid_date")).isBefore(SharedLanding.START)) {
        continue;
      }
      if (e.occurredOn().isBefore(SharedLanding.START.plusDays(63))) {
        first++;
      } else if (e.occurredOn().isAfter(SharedLanding.END.minusDays(63))) {
        last++;
      }
    }
    assertTrue(first > 1000 && last > 1.1 * first, first + " -> " + last);
  }

  @Test
  void keyFeaturesHaveDifferentAdoptionAndValueEventsHappen() {
    Map<String, Set<String>> accountsByFeature = new HashMap<>();
    Set<String> types = new HashSet<>();
    for (Event e : data.events) {
      types.add(e.type());
      if (e.feature() != null) {
        accountsByFeature.computeIfAbsent(e.feature(), k -> new HashSet<>()).add(e.accountId());
      }
    }
    int dashboards = accountsByFeature.get("dashboards").size();
    int reports = accountsByFeature.get("reports").size();
    int playbooks = accountsByFeature.get("playbooks").size();
    assertTrue(
        dashboards > reports && reports > playbooks, dashboards + " " + reports + " " + playbooks);
    assertTrue(
        types.containsAll(Set.of("report_exported", "playbook_completed", "session_started")),
        types.toString());
  }

  @Test
  void accountsPlantedWithNoEarlyValueHaveNoValueEventInTheirFirst45PaidDays() {
    Map<String, CSVRecord> truth = truthById();
    int checkedAccounts = 0;
    Set<String> seen = new HashSet<>();
    for (Event e : data.events) {
      CSVRecord t = truth.get(e.accountId());
      if (!t.get("no_early_value").equals("true") || t.get("first_paid_date").isEmpty()) {
        continue;
      }
      LocalDate paid = LocalDate.parse(t.get("first_paid_date"));
      LocalDate at = e.occurredOn();
      if (at.isBefore(paid.plusDays(45))) {
        String type = e.type();
        assertTrue(
            !type.equals("report_exported") && !type.equals("playbook_completed"), e.toString());
        seen.add(t.get("account_id"));
      }
    }
    checkedAccounts = seen.size();
    assertTrue(checkedAccounts >= 3, "accounts checked: " + checkedAccounts);
  }

  @Test
  void usersJoinAndLeave() {
    Map<String, LocalDate[]> spans = new HashMap<>();
    for (Event e : data.events) {
      LocalDate at = e.occurredOn();
      spans.merge(
          e.userId(),
          new LocalDate[] {at, at},
          (a, b) ->
              new LocalDate[] {
                a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]
              });
    }
    long joinedLate =
        spans.values().stream().filter(s -> s[0].isAfter(SharedLanding.START.plusDays(90))).count();
    long leftEarly =
        spans.values().stream().filter(s -> s[1].isBefore(SharedLanding.END.minusDays(90))).count();
    assertTrue(joinedLate > 50 && leftEarly > 50, joinedLate + " " + leftEarly);
  }

  @Test
  void lateEventsArriveWithinThreeDaysAndDuplicatesAreIdentical() {
    long late = 0;
    Map<String, Event> byId = new HashMap<>();
    long duplicates = 0;
    for (Event e : data.events) {
      long lag = ChronoUnit.DAYS.between(e.occurredOn(), e.deliveredOn());
      assertTrue(lag >= 0 && lag <= 3, e.toString());
      late += lag > 0 ? 1 : 0;
      Event first = byId.putIfAbsent(e.eventId(), e);
      if (first != null) {
        duplicates++;
        assertEquals(first.line(), e.line());
      }
    }
    double lateShare = (double) late / data.events.size();
    double duplicateShare = (double) duplicates / data.events.size();
    assertTrue(lateShare > 0.015 && lateShare < 0.03, "late " + lateShare);
    assertTrue(duplicateShare > 0.003 && duplicateShare < 0.008, "duplicates " + duplicateShare);
  }

  @Test
  void surveysQuarterlyNpsCsatAfterSolvedTicketsCesAndWordedComments() {
    Map<String, String> solvedAt = new HashMap<>();
    for (Map<String, String> t : rows(Source.TICKETS)) {
      if (!t.get("solved_at").isEmpty()) {
        solvedAt.merge(
            t.get("ticket_id"),
            t.get("solved_at"),
            (a, b) -> OffsetDateTime.parse(a).isAfter(OffsetDateTime.parse(b)) ? a : b);
      }
    }
    Set<String> types = new HashSet<>();
    for (Map<String, String> s : rows(Source.SURVEYS)) {
      types.add(s.get("survey_type"));
      LocalDate at = utcDate(s.get("responded_at"));
      String score = s.get("score");
      switch (s.get("survey_type")) {
        case "nps" -> {
          assertTrue((at.getMonthValue() - 1) % 3 == 0 && at.getDayOfMonth() <= 14, s.toString());
          assertTrue(Integer.parseInt(score) >= 0 && Integer.parseInt(score) <= 10);
        }
        case "csat" -> {
          assertTrue(
              score.isEmpty() || (Integer.parseInt(score) >= 1 && Integer.parseInt(score) <= 5));
          String solved = solvedAt.get(s.get("ticket_id"));
          assertTrue(
              solved != null
                  && !OffsetDateTime.parse(solved)
                      .isAfter(OffsetDateTime.parse(s.get("responded_at"))),
              s.toString());
        }
        case "ces" -> assertTrue(Integer.parseInt(score) >= 1 && Integer.parseInt(score) <= 7);
        default -> throw new AssertionError(s.toString());
      }
    }
    assertEquals(Set.of("nps", "csat", "ces"), types);
    Set<String> comments = values(Source.SURVEYS, "comment");
    assertTrue(comments.stream().anyMatch(c -> c.startsWith("Great product")), "positive wording");
    assertTrue(
        comments.stream().anyMatch(c -> c.startsWith("Terrible experience")), "negative wording");
    assertTrue(comments.stream().anyMatch(c -> c.contains("\n")), "a quoted line break");
    assertTrue(values(Source.SURVEYS, "score").contains(""), "an unrated CSAT");
  }

  @Test
  void ticketsHaveVersionsPrioritiesAndStatuses() {
    assertEquals(Set.of("low", "normal", "high", "urgent"), values(Source.TICKETS, "priority"));
    assertEquals(
        Set.of("new", "open", "pending", "on_hold", "solved", "closed"),
        values(Source.TICKETS, "status"));
    Map<String, List<String>> lifecycle = new HashMap<>();
    for (Map<String, String> t : rows(Source.TICKETS)) {
      lifecycle.computeIfAbsent(t.get("ticket_id"), k -> new ArrayList<>()).add(t.get("status"));
    }
    assertTrue(
        lifecycle.values().stream()
            .anyMatch(l -> l.equals(List.of("new", "open", "solved", "closed"))));
    assertTrue(values(Source.TICKETS, "reopened_count").contains("1"), "reopened tickets");
  }

  @Test
  void touchpointsGoalsAndChampionsWhoLeave() {
    assertEquals(
        Set.of("meeting", "qbr", "call", "email", "training"),
        values(Source.ACTIVITIES, "activity_type"));
    assertEquals(
        Set.of("not_started", "on_track", "at_risk", "achieved", "missed"),
        values(Source.SUCCESS_PLANS, "status"));
    Map<String, CSVRecord> truth = truthById();
    Set<String> lostChampion =
        rows(Source.CONTACTS).stream()
            .filter(c -> c.get("is_champion").equals("true") && c.get("is_active").equals("false"))
            .map(c -> c.get("account_id"))
            .collect(toSet());
    assertTrue(lostChampion.size() >= 5, lostChampion.toString());
    lostChampion.forEach(a -> assertEquals("true", truth.get(a).get("champion_loss"), a));
  }

  @Test
  void crmSnapshotsChangeSegmentAndOwnerOverTime() {
    Map<String, Set<String>> segments = new HashMap<>();
    Map<String, Set<String>> owners = new HashMap<>();
    for (Map<String, String> a : rows(Source.ACCOUNTS)) {
      segments.computeIfAbsent(a.get("account_id"), k -> new HashSet<>()).add(a.get("segment"));
      owners.computeIfAbsent(a.get("account_id"), k -> new HashSet<>()).add(a.get("csm_owner"));
    }
    assertTrue(segments.values().stream().filter(s -> s.size() > 1).count() >= 3, "segment moves");
    assertTrue(owners.values().stream().filter(s -> s.size() > 1).count() >= 20, "owner changes");
  }

  @Test
  void invoicesHaveEveryStatusAndAddUp() {
    assertEquals(
        Set.of("paid", "open", "void", "uncollectible"), values(Source.INVOICES, "status"));
    for (Map<String, String> i : rows(Source.INVOICES)) {
      assertEquals(
          new BigDecimal(i.get("subtotal")).add(new BigDecimal(i.get("tax"))),
          new BigDecimal(i.get("total")),
          i.toString());
      assertEquals(i.get("status").equals("paid"), !i.get("paid_at").isEmpty(), i.toString());
    }
  }

  @Test
  void everyTimestampHasAnOffsetAndCsvQuotingRoundTrips() {
    for (Source s : Source.values()) {
      if (s.isJson()) {
        continue;
      }
      for (Map<String, String> r : rows(s)) {
        for (Map.Entry<String, String> c : r.entrySet()) {
          if ((c.getKey().endsWith("_at") || c.getKey().startsWith("valid_"))
              && !c.getValue().isEmpty()) {
            assertTrue(WITH_OFFSET.matcher(c.getValue()).matches(), s + " " + c);
          }
        }
        assertEquals(s.columns().size() + 1, r.size(), s + " " + r);
      }
    }
    Set<String> offsets = new HashSet<>();
    rows(Source.ACCOUNTS).forEach(a -> offsets.add(a.get("created_at").substring(19)));
    assertTrue(offsets.containsAll(Set.of("Z", "-05:00", "+01:00", "+09:00")), offsets.toString());
    Set<String> names = values(Source.ACCOUNTS, "account_name");
    assertTrue(names.stream().anyMatch(n -> n.contains(", ")), "a name with a comma");
    assertTrue(names.stream().anyMatch(n -> n.contains("\"")), "a name with quotes");
  }

  @Test
  void accountsFallIntoAllFourQuadrantsWithManyHollowOnes() {
    Map<String, Long> quadrants =
        data.truth.stream().collect(groupingBy(r -> r.get("quadrant"), counting()));
    assertEquals(
        Set.of("success", "hollow_experience", "at_risk_experience", "failing"),
        quadrants.keySet());
    assertTrue(
        quadrants.get("hollow_experience") >= 0.15 * data.truth.size(), quadrants.toString());
  }

  private static double mean(List<Integer> xs) {
    return xs.stream().mapToInt(Integer::intValue).average().orElseThrow();
  }
}
