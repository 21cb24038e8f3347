package io.pulse.jobs.support;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * The ticket durations of METRICS.md §6 and the SLA breach of rule S3, as column expressions, in
 * calendar hours or, when configured, business hours.
 */
final class TicketHours {
  private static final double MICROS_PER_HOUR = 3_600_000_000.0;

  private final BusinessHours businessHours;

  TicketHours(SupportSettings settings) {
    this.businessHours = settings.businessHours();
  }

  /**
   * {@code to − from} in the configured hours; null when either is null. Exact to the microsecond.
   */
  Column between(Column from, Column to) {
    return businessHours == null ? calendar(from, to) : businessHours.between(from, to);
  }

  /** {@code to − from} in calendar hours; null when either is null. */
  static Column calendar(Column from, Column to) {
    return hours(unix_micros(to).minus(unix_micros(from)));
  }

  /** A number of microseconds in hours. */
  static Column hours(Column micros) {
    return micros.divide(lit(MICROS_PER_HOUR));
  }

  /** start(d+1): the instant the UTC day d ends (the session time zone is UTC). */
  static Column endOf(Column day) {
    return date_add(day, 1).cast(DataTypes.TimestampType);
  }

  /** The priority's first-reply SLA in hours; null for a priority without one. */
  static Column slaHours(Column priority, Map<String, Double> slaByPriority) {
    Column sla = lit(null).cast(DataTypes.DoubleType);
    for (Map.Entry<String, Double> e : slaByPriority.entrySet()) {
      sla = when(priority.equalTo(e.getKey()), lit(e.getValue())).otherwise(sla);
    }
    return sla;
  }

  /**
   * S3: {@code (first_response_at, or the end of the day when unanswered) − created_at > SLA}; a
   * ticket without an SLA is not breached.
   */
  Column breached(Column firstReplyHours, Column createdAt, Column endOfDay, Column slaHours) {
    Column waited = coalesce(firstReplyHours, between(createdAt, endOfDay));
    return coalesce(waited.gt(slaHours), lit(false));
  }
}
