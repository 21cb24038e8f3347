package io.pulse.jobs.support;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import io.pulse.common.error.UsageException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * Business hours (the option of METRICS.md §6): the hours from {@code start} to {@code end} of each
 * of {@code days}, on the wall clock of {@code zone}. No holidays.
 */
public record BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end) {
  private static final String KEY = SupportSettings.PREFIX + "business-hours.";

  public BusinessHours {
    days = Set.copyOf(days);
    if (days.isEmpty()) {
      throw new UsageException("bad configuration: " + KEY + "days is empty");
    }
    if (!start.isBefore(end)) {
      throw new UsageException(
          "bad configuration: " + KEY + "start (" + start + ") must be before end (" + end + ")");
    }
  }

  /** From the configuration's text: a zone id, day names (MON or MONDAY) and HH:MM times. */
  static BusinessHours parse(String zone, List<String> days, String start, String end) {
    Set<DayOfWeek> parsedDays = new TreeSet<>();
    for (String day : days) {
      parsedDays.add(dayOf(day.trim().toUpperCase(Locale.ROOT)));
    }
    try {
      return new BusinessHours(ZoneId.of(zone), parsedDays, time("start", start), time("end", end));
    } catch (DateTimeException bad) {
      throw new UsageException(
          "bad configuration: " + KEY + "time-zone '" + zone + "' is not a time zone id", bad);
    }
  }

  /**
   * The business hours between two instants, exact to the microsecond: the sum over each local day
   * from {@code from}'s to {@code to}'s of the overlap of [from, to] with that day's open hours.
   * Null when either is null; when {@code to} is before {@code from}, the (negative) calendar
   * difference, so the checks still see it.
   */
  Column between(Column from, Column to) {
    Column fromLocal = from_utc_timestamp(from, zone.getId());
    Column toLocal = from_utc_timestamp(to, zone.getId());
    Column fromMicros = unix_micros(fromLocal);
    Column toMicros = unix_micros(toLocal);
    long openMicros = start.toNanoOfDay() / 1000;
    long closeMicros = end.toNanoOfDay() / 1000;
    // Spark's dayofweek: 1 = Sunday .. 7 = Saturday
    Integer[] openDays = days.stream().map(d -> d.getValue() % 7 + 1).toArray(Integer[]::new);
    Column open =
        aggregate(
            sequence(to_date(fromLocal), to_date(toLocal)),
            lit(0L),
            (sum, day) -> {
              Column midnight = unix_micros(day.cast(DataTypes.TimestampType));
              Column overlap =
                  least(toMicros, midnight.plus(closeMicros))
                      .minus(greatest(fromMicros, midnight.plus(openMicros)));
              Column counted =
                  when(dayofweek(day).isin((Object[]) openDays), greatest(overlap, lit(0L)))
                      .otherwise(lit(0L));
              return sum.plus(counted);
            });
    return when(to.lt(from), TicketHours.calendar(from, to)).otherwise(TicketHours.hours(open));
  }

  private static DayOfWeek dayOf(String name) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equals(name) || day.name().substring(0, 3).equals(name)) {
        return day;
      }
    }
    throw new UsageException(
        "bad configuration: " + KEY + "days: '" + name + "' is not a day (MON .. SUN)");
  }

  private static LocalTime time(String name, String text) {
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException bad) {
      throw new UsageException(
          "bad configuration: " + KEY + name + " '" + text + "' is not a time (HH:MM)", bad);
    }
  }
}
