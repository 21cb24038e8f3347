package io.pulse.jobs.experience;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.pulse.common.error.CheckFailedException;
import io.pulse.common.job.Job;
import io.pulse.common.job.JobContext;
import io.pulse.common.job.JobResult;
import io.pulse.common.table.DayRange;
import io.pulse.common.table.TableDef;
import io.pulse.jobs.silver.LateEvents;
import io.pulse.jobs.silver.SilverEntities;
import io.pulse.jobs.silver.SilverInput;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes gold.fct_survey_response, gold.agg_account_experience_daily and gold.agg_experience_daily
 * for the run's days [start, end] (METRICS.md §5, E1-E4). It reads the survey responses, tickets
 * and CRM account versions as delivered up to end (§11: the latest version of each record known at
 * D), scores every comment and ticket subject once, and replaces only the rows of [start, end], so
 * a rerun of the same dates gives the same tables. Checks run before the write; a failed check ends
 * the run with exit 4 and leaves the tables as they were.
 */
public final class ExperienceJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(ExperienceJob.class);

  @Override
  public String name() {
    return "experience";
  }

  @Override
  public String description() {
    return "Write gold.fct_survey_response, gold.agg_account_experience_daily and"
        + " gold.agg_experience_daily for the run's days";
  }

  @Override
  public JobResult run(JobContext given) {
    // events of earlier days in the run's deliveries: recompute from the earliest of them
    JobContext context = LateEvents.widen(given, SilverEntities.SURVEYS);
    LocalDate start = context.dates().start();
    LocalDate end = context.dates().end();
    ExperienceSettings settings = ExperienceSettings.from(context.config().raw());

    Dataset<Row> surveys =
        SilverInput.latest(
            SilverInput.asOf(context, SilverEntities.SURVEYS, end), SilverEntities.SURVEYS);
    Dataset<Row> tickets =
        SilverInput.latest(
                SilverInput.asOf(context, SilverEntities.TICKETS, end), SilverEntities.TICKETS)
            .select("account_id", "subject", "created_at");
    Dataset<Row> accountVersions =
        SilverInput.asOf(context, SilverEntities.ACCOUNTS, end)
            .select("account_id", "segment", "updated_at");

    // Every response up to end, each comment scored once: the fact rows of the run's days, the
    // windows and the texts all read this.
    Dataset<Row> responses =
        SurveyResponses.of(surveys)
            .where(col("response_date").leq(lit(Date.valueOf(end))))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> windows =
        ExperienceWindows.of(responses, SentimentTexts.of(responses, tickets), settings, start, end)
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> facts =
        responses.where(
            col("response_date").between(lit(Date.valueOf(start)), lit(Date.valueOf(end))));
    Dataset<Row> accountDaily = AccountExperienceDaily.of(windows);
    Dataset<Row> segmentDaily = ExperienceDaily.of(windows, accountVersions, start, end);
    try {
      List<String> problems = new ArrayList<>(ExperienceChecks.responseViolations(facts));
      problems.addAll(ExperienceChecks.accountViolations(accountDaily));
      problems.addAll(ExperienceChecks.segmentViolations(segmentDaily));
      if (!problems.isEmpty()) {
        throw new CheckFailedException(
            "experience checks failed, nothing published: " + String.join("; ", problems));
      }
      if (context.dryRun()) {
        LOG.info(
            "dry run: checks pass; would replace {} .. {} in {}",
            start,
            end,
            ExperienceTables.ALL.stream().map(TableDef::name).toList());
        return JobResult.builder(name()).build();
      }
      long read = responses.count();
      // Delta's numOutputRows also counts the other days' rows of rewritten files: count ours.
      long factsWritten = facts.count();
      context
          .writer()
          .replaceWhere(
              ExperienceTables.SURVEY_RESPONSE,
              facts,
              DayRange.predicate("response_date", start, end));
      long accountsWritten = accountDaily.count();
      context
          .writer()
          .replaceWhere(
              ExperienceTables.ACCOUNT_EXPERIENCE_DAILY,
              accountDaily,
              DayRange.predicate("day", start, end));
      long segmentsWritten = segmentDaily.count();
      context
          .writer()
          .replaceWhere(
              ExperienceTables.EXPERIENCE_DAILY,
              segmentDaily,
              DayRange.predicate("day", start, end));
      LOG.info(
          "experience {}: {} responses read, {} responses, {} account-days and {} segment-days"
              + " written",
          context.dates(),
          read,
          factsWritten,
          accountsWritten,
          segmentsWritten);
      return JobResult.builder(name())
          .table(context.qualifiedName(ExperienceTables.SURVEY_RESPONSE), read, factsWritten, 0)
          .table(
              context.qualifiedName(ExperienceTables.ACCOUNT_EXPERIENCE_DAILY),
              read,
              accountsWritten,
              0)
          .table(context.qualifiedName(ExperienceTables.EXPERIENCE_DAILY), read, segmentsWritten, 0)
          .build();
    } finally {
      responses.unpersist();
      windows.unpersist();
    }
  }
}
