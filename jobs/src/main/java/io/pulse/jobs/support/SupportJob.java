package io.pulse.jobs.support;

import io.pulse.common.error.CheckFailedException;
import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobResult;
import io.pulse.common.table.DayRange;
import io.pulse.jobs.silver.SilverEntities;
import io.pulse.jobs.silver.SilverInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes gold.fct_ticket (every ticket as known at the run's end date, the whole table rewritten)
 * and gold.agg_support_daily for the run's days [start, end], from silver.tickets as delivered up
 * to end, the latest version of each ticket (§6, §11). Only the daily rows of [start, end] are
 * replaced, so a rerun of the same dates gives the same tables. Checks run before either write; a
 * failed check ends the run with exit 4 and leaves both tables as they were.
 */
public final class SupportJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(SupportJob.class);

  @Override
  public String name() {
    return "support";
  }

  @Override
  public String description() {
    return "Write gold.fct_ticket as of the run date and gold.agg_support_daily for its days";
  }

  @Override
  public JobResult run(JobContext context) {
    LocalDate start = context.dates().start();
    LocalDate end = context.dates().end();
    SupportSettings settings = SupportSettings.from(context.config().raw());

    Dataset<Row> versions = SilverInput.asOf(context, SilverEntities.TICKETS, end);
    Dataset<Row> tickets =
        CurrentTickets.of(SilverInput.latest(versions, SilverEntities.TICKETS), settings, end)
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> daily =
        SupportDaily.of(tickets, settings, start, end).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<String> problems = new ArrayList<>(SupportChecks.ticketViolations(tickets));
      problems.addAll(SupportChecks.dailyViolations(daily));
      if (!problems.isEmpty()) {
        throw new CheckFailedException(
            "support checks failed, nothing published: " + String.join("; ", problems));
      }
      if (context.dryRun()) {
        LOG.info(
            "dry run: checks pass; would rewrite {} as of {} and replace {} .. {} in {}",
            SupportTables.FCT_TICKET.name(),
            end,
            start,
            end,
            SupportTables.AGG_SUPPORT_DAILY.name());
        return JobResult.builder(name()).build();
      }
      long read = versions.count();
      // Delta's numOutputRows also counts the other days' rows of rewritten files: count ours.
      long ticketsWritten = tickets.count();
      context.writer().overwrite(SupportTables.FCT_TICKET, tickets);
      long daysWritten = daily.count();
      context
          .writer()
          .replaceWhere(SupportTables.AGG_SUPPORT_DAILY, daily, DayRange.predicate(start, end));
      LOG.info(
          "support {}: {} ticket versions read, {} tickets and {} account-days written",
          context.dates(),
          read,
          ticketsWritten,
          daysWritten);
      return JobResult.builder(name())
          .table(context.qualifiedName(SupportTables.FCT_TICKET), read, ticketsWritten, 0)
          .table(context.qualifiedName(SupportTables.AGG_SUPPORT_DAILY), read, daysWritten, 0)
          .build();
    } finally {
      tickets.unpersist();
      daily.unpersist();
    }
  }
}
