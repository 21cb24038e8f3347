package io.pulse.jobs.experience;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import java.util.ArrayList;
import java.util.List;

/** The gold experience tables, each column documented (METRICS.md §5, E1-E4). */
public final class ExperienceTables {
  private ExperienceTables() {}

  public static final TableDef SURVEY_RESPONSE =
      new TableDef(
          Layer.GOLD,
          "fct_survey_response",
          "Survey responses (NPS, CSAT, CES) in their latest version known at the run date, typed,"
              + " with the NPS category and the comment's sentiment",
          List.of(
              new ColumnDef("response_id", StringType, "Response key"),
              new ColumnDef("account_id", StringType, "Account of the respondent"),
              new ColumnDef("contact_id", StringType, "Respondent; null when unknown"),
              new ColumnDef("survey_type", StringType, "nps, csat or ces"),
              new ColumnDef(
                  "score",
                  IntegerType,
                  "NPS 0-10, CSAT 1-5, CES 1-7; null when unrated (E2: left out of every score)"),
              new ColumnDef(
                  "nps_category",
                  StringType,
                  "promoter (9-10), passive (7-8) or detractor (0-6); null for csat and ces and for"
                      + " unrated responses"),
              new ColumnDef("comment", StringType, "Free-text comment as given"),
              new ColumnDef(
                  "comment_sentiment",
                  DoubleType,
                  "VADER compound score of the comment in [−1, 1] (E4); null for no or blank"
                      + " comment"),
              new ColumnDef("responded_at", TimestampType, "When the response was given (UTC)"),
              new ColumnDef("response_date", DateType, "UTC date of responded_at"),
              new ColumnDef("ticket_id", StringType, "Ticket a CSAT response rates"),
              new ColumnDef(
                  "month", DateType, "First day of the response_date's month: the partition")),
          List.of("month"));

  public static final TableDef ACCOUNT_EXPERIENCE_DAILY =
      new TableDef(
          Layer.GOLD,
          "agg_account_experience_daily",
          "Experience per account and day, for each day on or after the account's first survey"
              + " response or ticket text; the window is the pulse.experience.window-days days"
              + " ending the day; window metrics are null when the window has no data",
          accountColumns(),
          List.of("month"));

  public static final TableDef EXPERIENCE_DAILY =
      new TableDef(
          Layer.GOLD,
          "agg_experience_daily",
          "Experience per day and segment ('all' for every account) over the accounts of"
              + " agg_account_experience_daily that day, each in its segment as of the day",
          List.of(
              new ColumnDef("day", DateType, "UTC day d"),
              new ColumnDef("month", DateType, "First day of the day's month: the partition"),
              new ColumnDef(
                  "segment",
                  StringType,
                  "Segment of the CRM version with the latest updated_at by the end of d; unknown"
                      + " when none; all for every account"),
              new ColumnDef(
                  "accounts", LongType, "Accounts with a row in agg_account_experience_daily on d"),
              new ColumnDef(
                  "nps",
                  DoubleType,
                  "100 × (promoters − detractors) / nps_responses over the accounts' counted"
                      + " responses; null when none"),
              new ColumnDef(
                  "nps_responses",
                  LongType,
                  "NPS responses counted (latest per contact and account)"),
              new ColumnDef("promoters", LongType, "Counted responses scoring 9-10"),
              new ColumnDef("passives", LongType, "Counted responses scoring 7-8"),
              new ColumnDef("detractors", LongType, "Counted responses scoring 0-6"),
              new ColumnDef(
                  "csat",
                  DoubleType,
                  "Share of CSAT ratings 4-5 among csat_responses; null when none"),
              new ColumnDef("csat_responses", LongType, "Rated CSAT responses in the windows (E1)"),
              new ColumnDef("ces", DoubleType, "Mean CES score of ces_responses; null when none"),
              new ColumnDef("ces_responses", LongType, "Rated CES responses in the windows (E1)")),
          List.of("month"));

  static final List<TableDef> ALL =
      List.of(SURVEY_RESPONSE, ACCOUNT_EXPERIENCE_DAILY, EXPERIENCE_DAILY);

  private static List<ColumnDef> accountColumns() {
    List<ColumnDef> columns = new ArrayList<>();
    columns.add(new ColumnDef("account_id", StringType, "Account"));
    columns.add(new ColumnDef("day", DateType, "UTC day d"));
    columns.add(new ColumnDef("month", DateType, "First day of the day's month: the partition"));
    columns.add(
        new ColumnDef(
            "nps",
            DoubleType,
            "Account NPS: 100 × (promoters − detractors) / nps_responses over the latest rated NPS"
                + " response of each contact in the window (E3); null when none"));
    columns.add(
        new ColumnDef(
            "nps_responses",
            LongType,
            "Contacts counted: each contact's latest rated NPS response in the window (a response"
                + " without contact_id is its own contact, E3)"));
    columns.add(new ColumnDef("promoters", LongType, "Counted responses scoring 9-10"));
    columns.add(new ColumnDef("passives", LongType, "Counted responses scoring 7-8"));
    columns.add(new ColumnDef("detractors", LongType, "Counted responses scoring 0-6"));
    columns.add(
        new ColumnDef(
            "csat",
            DoubleType,
            "Share of ratings 4-5 among every rated CSAT response in the window (E1); null when"
                + " none"));
    columns.add(new ColumnDef("csat_responses", LongType, "Rated CSAT responses in the window"));
    columns.add(
        new ColumnDef(
            "ces",
            DoubleType,
            "Mean score of every rated CES response in the window (E1); null when none"));
    columns.add(new ColumnDef("ces_responses", LongType, "Rated CES responses in the window"));
    columns.add(
        new ColumnDef(
            "sentiment",
            DoubleType,
            "Mean VADER compound score of the survey comments and ticket subjects of the window"
                + " (E4), in [−1, 1]; null when no text"));
    columns.add(
        new ColumnDef(
            "sentiment_texts",
            LongType,
            "Texts in the window: non-blank comments (by response date) and ticket subjects (by"
                + " the ticket's created_at date)"));
    columns.add(
        new ColumnDef(
            "last_response_date",
            DateType,
            "Latest response_date of any survey response (rated or not) on or before d; null when"
                + " none"));
    columns.add(
        new ColumnDef(
            "days_since_last_response",
            IntegerType,
            "d − last_response_date in days; null when none"));
    return columns;
  }
}
