package io.pulse.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.pulse.jobs.health.Measure;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@link #LIMIT} accounts with the lowest health score on the as-of day (ties: the larger
 * 30-day fall first, then account_id), each with its drivers (the measures whose contribution fell
 * most over 30 days) and its alerts open on the run date.
 */
final class AtRiskAccounts {
  static final int LIMIT = 20;

  /** Drivers listed per account: the measures that took the most points. */
  static final int DRIVERS = 3;

  private AtRiskAccounts() {}

  /** A measure's health points on the as-of day and their change vs 30 days before. */
  record Driver(String measure, Double contribution, Double contributionChange30d) {}

  /** An alert open on the run date. */
  record OpenAlert(String alertType, String severity, String openedOn) {}

  record Account(
      String accountId,
      String accountName,
      String segment,
      Integer healthScore,
      String band,
      String quadrant,
      Integer scoreChange30d,
      List<Driver> drivers,
      List<OpenAlert> openAlerts) {}

  /** The lowest-scored accounts of {@code day} with their names and every measure's points. */
  static Dataset<Row> lowest(Dataset<Row> health, Dataset<Row> accounts, Date day) {
    List<Column> columns = new ArrayList<>();
    for (String name :
        List.of("account_id", "segment", "health_score", "band", "quadrant", "score_change_30d")) {
      columns.add(col("h." + name));
    }
    columns.add(col("a.account_name"));
    for (Measure m : Measure.values()) {
      columns.add(col("h." + m.key() + "_contribution"));
      columns.add(col("h." + m.key() + "_contribution_change_30d"));
    }
    Dataset<Row> names =
        accounts.where(col("is_current")).select("account_id", "account_name").alias("a");
    return health
        .where(
            Partitions.monthOf(day)
                .and(col("day").equalTo(lit(day)))
                .and(col("health_score").isNotNull()))
        .orderBy(
            col("health_score").asc(),
            col("score_change_30d").asc_nulls_last(),
            col("account_id").asc())
        .limit(LIMIT)
        .alias("h")
        .join(names, col("h.account_id").equalTo(col("a.account_id")), "left")
        .select(columns.toArray(Column[]::new))
        .orderBy(
            col("health_score").asc(),
            col("score_change_30d").asc_nulls_last(),
            col("account_id").asc());
  }

  /** Alerts of {@code accountIds} open on {@code runDate}: opened by it, not closed by it. */
  static Dataset<Row> openAlerts(Dataset<Row> alerts, List<String> accountIds, Date runDate) {
    return alerts
        .where(
            col("account_id")
                .isin(accountIds.toArray())
                .and(col("opened_on").leq(lit(runDate)))
                .and(col("closed_on").isNull().or(col("closed_on").gt(lit(runDate)))))
        .select(
            col("account_id"), col("alert_type"), col("severity"), col("opened_on").cast("date"))
        .orderBy("account_id", "opened_on", "alert_type");
  }

  /** The {@link #LIMIT} rows of {@link #lowest}, with their open alerts (none when null). */
  static List<Account> collect(Dataset<Row> lowest, Map<String, List<OpenAlert>> alertsByAccount) {
    List<Account> result = new ArrayList<>();
    for (Row r : lowest.collectAsList()) {
      List<Driver> measures = new ArrayList<>();
      int i = 7;
      for (Measure m : Measure.values()) {
        measures.add(new Driver(m.key(), Values.doubleOrNull(r, i), Values.doubleOrNull(r, i + 1)));
        i += 2;
      }
      String id = r.getString(0);
      result.add(
          new Account(
              id,
              r.getString(6),
              r.getString(1),
              Values.intOrNull(r, 2),
              r.getString(3),
              r.getString(4),
              Values.intOrNull(r, 5),
              drivers(measures),
              alertsByAccount == null ? null : alertsByAccount.getOrDefault(id, List.of())));
    }
    return result;
  }

  /** Alerts rows of {@link #openAlerts} per account, in their order. */
  static Map<String, List<OpenAlert>> collectAlerts(Dataset<Row> openAlerts) {
    return openAlerts.collectAsList().stream()
        .collect(
            Collectors.groupingBy(
                r -> r.getString(0),
                Collectors.mapping(
                    r ->
                        new OpenAlert(
                            r.getString(1),
                            r.getString(2),
                            r.isNullAt(3) ? null : r.getDate(3).toString()),
                    Collectors.toList())));
  }

  /**
   * The measures whose contribution fell over 30 days, largest fall first, at most {@link
   * #DRIVERS}: "why did the score drop" (METRICS.md §7).
   */
  static List<Driver> drivers(List<Driver> measures) {
    return measures.stream()
        .filter(d -> d.contributionChange30d() != null && d.contributionChange30d() < 0)
        .sorted(
            Comparator.comparingDouble(Driver::contributionChange30d)
                .thenComparing(Driver::measure))
        .limit(DRIVERS)
        .toList();
  }
}
