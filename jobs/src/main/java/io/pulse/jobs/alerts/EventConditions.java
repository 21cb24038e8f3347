package io.pulse.jobs.alerts;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The daily conditions of the alerts fired by an event (METRICS.md §8): champion left, detractor
 * response, payment failed and no first value. An event has no "still past the threshold" of its
 * own, so each type says for which days after it the condition holds: a configured number of days,
 * or until what ends it (a new champion, the payment, the first value event). Rows are in the shape
 * of {@link AlertCondition}; days after the run date are cut off by {@link AlertEpisodes}.
 */
final class EventConditions {
  private EventConditions() {}

  /**
   * Champion left: holds from the day an active champion of the account was lost (became inactive,
   * lost the flag or moved away; {@code champion_lost_date}) for {@code open-days} days. When the
   * loss left the account without an active champion it closes early, on the first day a champion
   * is present again. A further loss while it holds continues the same alert from that loss.
   *
   * @param stakeholders gold.agg_stakeholder_daily: {@code account_id, day, champion_present,
   *     champion_lost_date}
   */
  static Dataset<Row> championLeft(Dataset<Row> stakeholders, AlertsSettings settings) {
    Column sinceLoss = datediff(col("day"), col("champion_lost_date"));
    Column presentAtLoss =
        max(when(col("day").equalTo(col("champion_lost_date")), col("champion_present")))
            .over(Window.partitionBy("account_id", "champion_lost_date"));
    Dataset<Row> holding =
        stakeholders
            .where(
                col("champion_lost_date")
                    .isNotNull()
                    .and(sinceLoss.between(0, settings.championOpenDays() - 1)))
            .withColumn("_present_at_loss", coalesce(presentAtLoss, lit(false)))
            .withColumn("champion_present", coalesce(col("champion_present"), lit(false)))
            .where(not(col("champion_present").and(not(col("_present_at_loss")))));
    return AlertCondition.rows(
        holding,
        AlertType.CHAMPION_LEFT,
        SignalConditions.severity(not(col("_present_at_loss"))),
        "champion_present",
        when(col("champion_present"), 1).otherwise(0),
        AlertCondition.none(),
        AlertCondition.none(),
        concat(
            lit("champion lost on "),
            col("champion_lost_date").cast("string"),
            when(col("_present_at_loss"), lit("; another active champion remains"))
                .otherwise(lit("; no active champion left"))));
  }

  /**
   * Detractor response: holds for {@code open-days} days from the day of an NPS response scoring
   * {@code max-score} (6) or less, day of the response included; another detractor response while
   * it holds keeps it open until {@code open-days} after that one. Unrated responses (E2) do not
   * count.
   *
   * @param responses gold.fct_survey_response: {@code response_id, account_id, contact_id,
   *     survey_type, score, response_date}
   */
  static Dataset<Row> detractorResponse(Dataset<Row> responses, AlertsSettings settings) {
    Column lastDay = date_add(col("response_date"), settings.detractorOpenDays() - 1);
    Dataset<Row> holding =
        responses
            .where(
                col("survey_type")
                    .equalTo("nps")
                    .and(col("score").isNotNull())
                    .and(col("score").leq(settings.detractorMaxScore())))
            .withColumn("day", explode(sequence(col("response_date"), lastDay)))
            .groupBy("account_id", "day")
            .agg(
                // The worst response of the window; ties broken by response_id, so one row wins.
                min(struct(col("score"), col("response_id"), col("contact_id"))).as("_worst"),
                count(lit(1)).as("_responses"));
    return AlertCondition.rows(
        holding,
        AlertType.DETRACTOR_RESPONSE,
        SignalConditions.severity(col("_worst.score").leq(settings.detractorHighMaxScore())),
        "nps_score",
        col("_worst.score"),
        AlertCondition.none(),
        lit(settings.detractorMaxScore()),
        format_string(
            "response %s of contact %s scored %d; detractor responses in the last %d days: %d",
            col("_worst.response_id"),
            coalesce(col("_worst.contact_id"), lit("unknown")),
            col("_worst.score"),
            lit(settings.detractorOpenDays()),
            col("_responses")));
  }

  /**
   * Payment failed: an invoice that is not void fails from the day it is more than {@code
   * overdue-days} (14) past its due date (the date of {@code due_at}, else of {@code issued_at})
   * until the day it is paid ({@code paid_at}'s date, closing the alert). An invoice whose status
   * is a failed one (written off: uncollectible) and that was never paid stays failed for {@code
   * open-days} days, as its status carries no date. A paid invoice without {@code paid_at} never
   * fails. The account's condition holds while any of its invoices fails.
   *
   * @param invoices silver.invoices, latest version: {@code invoice_id, account_id, status,
   *     issued_at, due_at, paid_at}
   */
  static Dataset<Row> paymentFailed(
      Dataset<Row> invoices, AlertsSettings settings, LocalDate asOf) {
    Column runDay = lit(Date.valueOf(asOf));
    Column written = col("status").isin(settings.failedPaymentStatuses().toArray());
    Column failsFrom = date_add(col("_due"), settings.paymentOverdueDays() + 1);
    Column failsUntil =
        when(col("paid_at").isNotNull(), to_date(col("paid_at")))
            .when(written, date_add(failsFrom, settings.paymentOpenDays()));
    Column lastDay = least(coalesce(date_sub(failsUntil, 1), runDay), runDay);
    Dataset<Row> holding =
        invoices
            .where(
                col("status")
                    .notEqual("void")
                    .and(not(col("status").equalTo("paid").and(col("paid_at").isNull()))))
            .withColumn("_due", to_date(coalesce(col("due_at"), col("issued_at"))))
            .withColumn("_written", written)
            .withColumn("_from", failsFrom)
            .withColumn("_last", lastDay)
            .where(col("_from").leq(col("_last")))
            .withColumn("day", explode(sequence(col("_from"), col("_last"))))
            .groupBy("account_id", "day")
            .agg(
                max(datediff(col("day"), col("_due"))).as("_days_overdue"),
                max(col("_written")).as("_any_written"),
                array_join(
                        array_sort(
                            collect_list(
                                concat(
                                    col("invoice_id"),
                                    lit(" ("),
                                    col("status"),
                                    lit(", due "),
                                    col("_due").cast("string"),
                                    lit(")")))),
                        "; ")
                    .as("_invoices"));
    return AlertCondition.rows(
        holding,
        AlertType.PAYMENT_FAILED,
        SignalConditions.severity(col("_any_written")),
        "days_overdue",
        col("_days_overdue"),
        AlertCondition.none(),
        lit(settings.paymentOverdueDays()),
        concat(lit("failing invoices: "), col("_invoices")));
  }

  /**
   * No first value: holds from {@code days} (30) days after the first paid day until the day before
   * the first value event on or after it (the event closes it), or through the run date when there
   * is none. A value event on day 30 itself is a first success (§9) and fires nothing. Accounts
   * whose onboarding the usage data does not cover ({@code events_cover_onboarding} false) are not
   * judged: missing data is not a failure.
   *
   * @param milestones gold.onboarding_milestones as of the run date: {@code account_id,
   *     first_paid_day, events_cover_onboarding, first_value_event_date}
   */
  static Dataset<Row> noFirstValue(
      Dataset<Row> milestones, AlertsSettings settings, LocalDate asOf) {
    Column runDay = lit(Date.valueOf(asOf));
    Column from = date_add(col("first_paid_day"), settings.noFirstValueDays());
    Column last = least(coalesce(date_sub(col("first_value_event_date"), 1), runDay), runDay);
    Dataset<Row> holding =
        milestones
            .where(col("events_cover_onboarding"))
            .withColumn("_from", from)
            .withColumn("_last", last)
            .where(col("_from").leq(col("_last")))
            .withColumn("day", explode(sequence(col("_from"), col("_last"))));
    return AlertCondition.rows(
        holding,
        AlertType.NO_FIRST_VALUE,
        lit(AlertCondition.MEDIUM),
        "days_since_first_paid",
        datediff(col("day"), col("first_paid_day")),
        AlertCondition.none(),
        lit(settings.noFirstValueDays()),
        concat(
            lit("first paid on "),
            col("first_paid_day").cast("string"),
            lit("; no value event since")));
  }
}
