package io.pulse.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.generator.catalog.Segment;
import io.pulse.generator.life.AccountPlan;
import io.pulse.generator.life.Driver;
import io.pulse.generator.life.LifePlanner;
import io.pulse.generator.output.Source;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The planted drivers are measurably related to churn, in the plans and in the landing data. */
class ChurnDriversTest {
  private static LocalDate utcDate(String timestamp) {
    return OffsetDateTime.parse(timestamp).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
  }

  /** Churn rate among paying accounts matching {@code p}. */
  private static double churnRate(List<AccountPlan> plans, Predicate<AccountPlan> p) {
    List<AccountPlan> paying =
        plans.stream().filter(a -> a.firstPaidDay() != null).filter(p).toList();
    return paying.stream().filter(a -> a.churnDay() != null).count() / (double) paying.size();
  }

  @Test
  void everyDriverRaisesChurnAndHighAdoptionLowersIt() {
    LifePlanner planner =
        new LifePlanner(42, LocalDate.parse("2025-01-01"), LocalDate.parse("2026-12-31"));
    List<AccountPlan> plans = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      plans.add(planner.plan(i));
    }
    double withLow = churnRate(plans, a -> a.has(Driver.LOW_LICENSE_UTILIZATION));
    double withoutLow = churnRate(plans, a -> !a.has(Driver.LOW_LICENSE_UTILIZATION));
    assertTrue(withLow >= 2 * withoutLow, withLow + " vs " + withoutLow);
    for (Driver d : Driver.values()) {
      double with = churnRate(plans, a -> a.has(d));
      double without = churnRate(plans, a -> !a.has(d));
      if (d == Driver.HIGH_ADOPTION) {
        assertTrue(with < 0.5 * without, d + ": " + with + " vs " + without);
      } else {
        assertTrue(with > 1.3 * without, d + ": " + with + " vs " + without);
      }
    }
    double smb = churnRate(plans, a -> a.crmVersions().get(0).segment() == Segment.SMB);
    double ent = churnRate(plans, a -> a.crmVersions().get(0).segment() == Segment.ENTERPRISE);
    assertTrue(smb > ent, smb + " vs " + ent);
  }

  /**
   * Utilization measured in the output (users active in the first 28 days / seats bought) predicts
   * churn measured in the output (cancelled in the range: no open-ended paid version at its end).
   */
  @Test
  void lowMeasuredUtilizationDoublesMeasuredChurn() {
    SharedLanding data = SharedLanding.get();
    LocalDate day28 = SharedLanding.START.plusDays(27);
    Map<String, Set<String>> activeUsers = new HashMap<>();
    for (Event e : data.events) {
      if (!e.occurredOn().isAfter(day28)) {
        activeUsers.computeIfAbsent(e.accountId(), k -> new HashSet<>()).add(e.userId());
      }
    }
    Map<String, Integer> seats = new HashMap<>();
    Map<String, String> lastEnd = new HashMap<>();
    Set<String> liveAtEnd = new HashSet<>();
    OffsetDateTime endOf28 = day28.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    OffsetDateTime endOfRange =
        SharedLanding.END.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    for (Map<String, String> v : latestVersions(data.rows(Source.SUBSCRIPTIONS))) {
      OffsetDateTime from = OffsetDateTime.parse(v.get("valid_from"));
      OffsetDateTime to =
          v.get("valid_to").isEmpty() ? null : OffsetDateTime.parse(v.get("valid_to"));
      String account = v.get("account_id");
      boolean perSeat =
          !v.get("plan_id").contains("starter") && !v.get("plan_id").contains("insights");
      if (perSeat && from.isBefore(endOf28) && (to == null || !to.isBefore(endOf28))) {
        seats.merge(account, Integer.parseInt(v.get("quantity")), Integer::sum);
      }
      if (v.get("is_trial").equals("false") && to == null) {
        liveAtEnd.add(account); // not cancelled: a paid version is open-ended at the end
      }
      lastEnd.put(account, v.get("valid_to"));
    }
    int low = 0;
    int lowChurned = 0;
    int rest = 0;
    int restChurned = 0;
    for (Map.Entry<String, Integer> e : seats.entrySet()) {
      double utilization =
          activeUsers.getOrDefault(e.getKey(), Set.of()).size() / (double) e.getValue();
      boolean churned = !liveAtEnd.contains(e.getKey());
      if (utilization < 0.45) {
        low++;
        lowChurned += churned ? 1 : 0;
      } else {
        rest++;
        restChurned += churned ? 1 : 0;
      }
    }
    double lowRate = lowChurned / (double) low;
    double restRate = restChurned / (double) rest;
    String detail = lowChurned + "/" + low + " vs " + restChurned + "/" + rest;
    assertTrue(low >= 15 && rest >= 15, detail);
    assertTrue(lowRate >= 2 * restRate, detail);
  }

  private static List<Map<String, String>> latestVersions(List<Map<String, String>> rows) {
    Map<String, Map<String, String>> latest = new HashMap<>();
    for (Map<String, String> r : rows) {
      String key =
          r.get("subscription_id") + "|" + OffsetDateTime.parse(r.get("valid_from")).toInstant();
      Map<String, String> prev = latest.get(key);
      if (prev == null
          || OffsetDateTime.parse(prev.get("updated_at"))
              .isBefore(OffsetDateTime.parse(r.get("updated_at")))) {
        latest.put(key, r);
      }
    }
    return new ArrayList<>(latest.values());
  }

  @Test
  void plantedSignalsShowInTheOutput() {
    SharedLanding data = SharedLanding.get();
    Map<String, CSVRecord> truth = new HashMap<>();
    data.truth.forEach(r -> truth.put(r.get("account_id"), r));
    Predicate<String> detractor = a -> truth.get(a).get("detractor_nps").equals("true");
    double[] nps = {0, 0, 0, 0}; // low/all for detractors, low/all for the rest
    for (Map<String, String> s : data.rows(Source.SURVEYS)) {
      if (s.get("survey_type").equals("nps")) {
        int i = detractor.test(s.get("account_id")) ? 0 : 2;
        nps[i] += Integer.parseInt(s.get("score")) <= 6 ? 1 : 0;
        nps[i + 1]++;
      }
    }
    assertTrue(nps[0] / nps[1] > 2 * (nps[2] / nps[3]), java.util.Arrays.toString(nps));

    Predicate<String> failed = a -> truth.get(a).get("failed_payments").equals("true");
    double[] bad = {0, 0, 0, 0};
    for (Map<String, String> inv : data.rows(Source.INVOICES)) {
      int i = failed.test(inv.get("account_id")) ? 0 : 2;
      bad[i] += inv.get("status").equals("uncollectible") ? 1 : 0;
      bad[i + 1] +=
          inv.get("status").equals("open") ? 1 : 0; // every invoice is delivered open once
    }
    assertTrue(bad[0] / bad[1] > 5 * (bad[2] / bad[3]), java.util.Arrays.toString(bad));

    // ticket spikes: tickets per day inside the planted 45-day window vs outside it
    double[] tickets = {0, 0};
    Set<String> counted = new HashSet<>();
    for (Map<String, String> t : data.rows(Source.TICKETS)) {
      CSVRecord a = truth.get(t.get("account_id"));
      if (!a.get("ticket_spike").equals("true") || !counted.add(t.get("ticket_id"))) {
        continue;
      }
      LocalDate created = utcDate(t.get("created_at"));
      LocalDate trouble = LocalDate.parse(a.get("trouble_start_date"));
      boolean inSpike =
          !created.isBefore(trouble.plusDays(15)) && created.isBefore(trouble.plusDays(60));
      tickets[inSpike ? 0 : 1]++;
    }
    assertTrue(tickets[0] > 50, java.util.Arrays.toString(tickets));

    // falling usage: events in the 30 days before the churn decision vs 30 days before trouble
    double[] usage = {0, 0};
    for (Event e : data.events) {
      CSVRecord a = truth.get(e.accountId());
      if (!a.get("falling_usage").equals("true") || a.get("churn_decision_date").isEmpty()) {
        continue;
      }
      LocalDate at = e.occurredOn();
      LocalDate decision = LocalDate.parse(a.get("churn_decision_date"));
      LocalDate trouble = LocalDate.parse(a.get("trouble_start_date"));
      if (trouble.minusDays(30).isBefore(SharedLanding.START)) {
        continue; // the month before the trouble is not in the data
      }
      if (!at.isBefore(decision.minusDays(30)) && at.isBefore(decision)) {
        usage[0]++;
      } else if (!at.isBefore(trouble.minusDays(30)) && at.isBefore(trouble)) {
        usage[1]++;
      }
    }
    assertTrue(usage[1] > 1000 && usage[0] < 0.6 * usage[1], java.util.Arrays.toString(usage));
  }
}
