package io.pulse.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import io.delta.tables.DeltaTable;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.RunDates;
import io.pulse.common.table.TableRef;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Late events for daily jobs: a delivery may hold events of earlier days, which silver files under
 * the day they happened and lists in {@code ops.changed_dates}. A daily job widens its run back to
 * the earliest such day of its own deliveries, so the days those events change are recomputed (with
 * every later day, which the windows reach anyway) and a run per day ends with the tables a
 * backfill gives. Only {@code pulse.silver.recompute-late-days} days before the run's first date
 * are reached; older late events are logged and wait for a {@code --start} backfill.
 */
public final class LateEvents {
  private static final Logger LOG = LoggerFactory.getLogger(LateEvents.class);

  private LateEvents() {}

  /**
   * {@code context} with its first date moved back to the earliest event day before it that the
   * run's deliveries brought rows of {@code entities} for; unchanged when there is none.
   */
  public static JobContext widen(JobContext context, SilverEntity... entities) {
    int reach = context.config().raw().getInt("pulse.silver.recompute-late-days");
    TableRef log = context.tables().resolve(ChangedDates.TABLE);
    if (reach <= 0 || !DeltaTable.isDeltaTable(context.spark(), log.location())) {
      return context;
    }
    LocalDate start = context.dates().start();
    Date earliestReached = Date.valueOf(start.minusDays(reach));
    String[] names = Arrays.stream(entities).map(SilverEntity::name).toArray(String[]::new);
    // one row of two values: the log holds a few dates per entity and delivery
    Row late =
        context
            .spark()
            .read()
            .format("delta")
            .load(log.location())
            .where(
                col("entity")
                    .isin((Object[]) names)
                    .and(col("dt").between(lit(Date.valueOf(start)), lit(context.dates().end())))
                    .and(col("event_date").lt(lit(Date.valueOf(start)))))
            .agg(
                min(when(col("event_date").geq(lit(earliestReached)), col("event_date"))),
                count_distinct(when(col("event_date").lt(lit(earliestReached)), col("event_date"))))
            .first();
    long beyondReach = late.getLong(1);
    if (beyondReach > 0) {
      LOG.warn(
          "{} event day(s) before {} got late {} rows in deliveries {}; beyond"
              + " pulse.silver.recompute-late-days = {}: rerun with --start to include them",
          beyondReach,
          earliestReached,
          String.join(", ", names),
          context.dates(),
          reach);
    }
    if (late.isNullAt(0)) {
      return context;
    }
    RunDates widened = new RunDates(late.getDate(0).toLocalDate(), context.dates().end());
    LOG.info(
        "late {} rows for days from {} in deliveries {}: recomputing {}",
        String.join(", ", names),
        widened.start(),
        context.dates(),
        widened);
    return context.withDates(widened);
  }
}
