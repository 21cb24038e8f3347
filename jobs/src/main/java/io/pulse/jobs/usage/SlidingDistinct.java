package io.pulse.jobs.usage;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Exact distinct counts over sliding windows ("N days ending d", §11), linear in member-days: no
 * member-day is copied into the N days it covers.
 *
 * <p>A member (a user, or a key feature) active on day a is counted on the days [a, a+N): the
 * window of N days ending d, {@code [d−N+1, d]}, holds a exactly when a ≤ d < a+N. Sorting a
 * member's active days, consecutive days less than N apart give overlapping coverage, so the
 * member's coverage is a union of disjoint intervals: one starts at an active day whose previous
 * active day is N or more days before (or that has none), and ends N days after an active day whose
 * next active day is N or more days after (or that has none). Each member-day thus emits at most a
 * +1 (at its day, when it starts an interval) and a −1 (at its day + N, when it ends one). The
 * count on day d is the running sum of these deltas over the group's days up to d, so summing them
 * per group and day and taking a running sum over a dense day spine gives the exact distinct count
 * for every day, and the days between change points are filled by the spine.
 *
 * <p>Only member-days on or after some first day L are given, so the counts are exact from day L +
 * N − 1 on (earlier windows reach before L).
 */
final class SlidingDistinct {
  private SlidingDistinct() {}

  /**
   * @param memberDays distinct rows {@code (account_id, <member>, day)}, plus the {@code sameDay}
   *     columns
   * @param member the column whose distinct values are counted
   * @param windows delta column name to window length N in days; all windows come from one sort
   * @param sameDay long columns of memberDays passed through on a change at the member-day's own
   *     day, so that a caller gets per-day totals from the same rows (a second use of memberDays
   *     would be pruned differently and computed twice)
   * @return rows {@code (account_id, day, <delta>..., <sameDay>...)}, several per day possible: the
   *     change on that day of the count of members active in the N days ending it, for each window,
   *     or the sameDay values (null in the other columns)
   */
  static Dataset<Row> deltas(
      Dataset<Row> memberDays, String member, Map<String, Integer> windows, List<String> sameDay) {
    WindowSpec byMember = Window.partitionBy(col("account_id"), col(member)).orderBy(col("day"));
    List<String> fields = new ArrayList<>(windows.keySet());
    fields.addAll(sameDay);
    Column previous = col("_previous");
    Column next = col("_next");
    List<Column> changes = new ArrayList<>();
    for (Map.Entry<String, Integer> w : windows.entrySet()) {
      int days = w.getValue();
      Column starts = previous.isNull().or(datediff(col("day"), previous).geq(days));
      Column ends = next.isNull().or(datediff(next, col("day")).geq(days));
      String name = w.getKey();
      changes.add(when(starts, change(col("day"), fields, Map.of(name, lit(1L)))));
      changes.add(when(ends, change(date_add(col("day"), days), fields, Map.of(name, lit(-1L)))));
    }
    if (!sameDay.isEmpty()) {
      Map<String, Column> values = new LinkedHashMap<>();
      sameDay.forEach(c -> values.put(c, col(c)));
      changes.add(change(col("day"), fields, values));
    }
    List<Column> kept = new ArrayList<>(List.of(col("account_id"), col("day")));
    sameDay.forEach(c -> kept.add(col(c)));
    kept.add(lag(col("day"), 1).over(byMember).as("_previous"));
    kept.add(lead(col("day"), 1).over(byMember).as("_next"));
    List<Column> out = new ArrayList<>(List.of(col("account_id"), col("_change.day").as("day")));
    fields.forEach(f -> out.add(col("_change." + f).as(f)));
    return memberDays
        .select(kept.toArray(Column[]::new))
        .select(col("account_id"), explode(array(changes.toArray(Column[]::new))).as("_change"))
        .where(col("_change").isNotNull())
        .select(out.toArray(Column[]::new));
  }

  /** A change on {@code day} holding {@code values}, null in the other fields. */
  private static Column change(Column day, List<String> fields, Map<String, Column> values) {
    List<Column> parts = new ArrayList<>(List.of(day.as("day")));
    for (String field : fields) {
      parts.add(values.getOrDefault(field, lit(null)).cast("long").as(field));
    }
    return struct(parts.toArray(Column[]::new));
  }
}
