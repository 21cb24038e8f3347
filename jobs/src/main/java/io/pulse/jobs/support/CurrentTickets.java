package io.pulse.jobs.support;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold.fct_ticket: every ticket in its latest version known at D, with the durations of §6 and its
 * SLA standing at the end of D (S3).
 */
public final class CurrentTickets {
  private CurrentTickets() {}

  /**
   * @param latest the latest version of each ticket_id known at D, with silver.tickets' columns
   * @param asOf the run date D: an unanswered ticket's wait is measured to the end of D
   * @return one row per ticket, in the columns of {@link SupportTables#FCT_TICKET}
   */
  public static Dataset<Row> of(Dataset<Row> latest, SupportSettings settings, LocalDate asOf) {
    Column asOfDate = lit(Date.valueOf(asOf));
    TicketHours hours = new TicketHours(settings);
    Column firstReplyHours = hours.between(col("created_at"), col("first_response_at"));
    Column sla = TicketHours.slaHours(col("priority"), settings.slaFirstReplyHours());
    return latest
        .withColumn("created_date", to_date(col("created_at")))
        .select(
            col("ticket_id"),
            col("account_id"),
            col("requester_id"),
            col("priority"),
            col("status"),
            col("channel"),
            col("subject"),
            col("created_at"),
            col("first_response_at"),
            col("solved_at"),
            col("reopened_count"),
            col("created_date"),
            trunc(col("created_date"), "month").as("created_month"),
            firstReplyHours.as("first_reply_hours"),
            hours.between(col("created_at"), col("solved_at")).as("resolution_hours"),
            // An unknown count is read as never reopened.
            coalesce(col("reopened_count").gt(0), lit(false)).as("is_reopened"),
            sla.as("sla_first_reply_hours"),
            hours
                .breached(firstReplyHours, col("created_at"), TicketHours.endOf(asOfDate), sla)
                .as("is_sla_breached"),
            asOfDate.as("as_of_date"));
  }
}
