package io.pulse.jobs.support;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.error.UsageException;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Business hours between two instants, by hand. 2026-03-02 is a Monday. */
@SparkTest
class BusinessHoursTest {
  private static final List<String> WEEKDAYS = List.of("MON", "TUE", "WED", "THU", "FRI");
  private static final BusinessHours UTC_NINE_TO_FIVE =
      BusinessHours.parse("UTC", WEEKDAYS, "09:00", "17:00");

  @Test
  void countsTheOverlapWithEachOpenDay() {
    assertEquals(
        Arrays.asList(
            // inside Monday's hours
            2.5,
            // 08:00 → 10:00: the hour before opening does not count
            1.0,
            // Fri 16:00 → Mon 10:00 (66 calendar hours): Friday's last hour and Monday's first
            2.0,
            // a weekend
            0.0,
            // closed overnight
            0.0,
            // Mon 09:00 → Wed 17:00: three whole days
            24.0,
            // a microsecond inside the hours
            1.0 / 3_600_000_000.0,
            // unanswered: null
            null,
            // the end before the start: the calendar difference, for the checks to see
            -2.0),
        hours(
            UTC_NINE_TO_FIVE,
            "2026-03-02T10:00:00Z",
            "2026-03-02T12:30:00Z",
            "2026-03-02T08:00:00Z",
            "2026-03-02T10:00:00Z",
            "2026-03-06T16:00:00Z",
            "2026-03-09T10:00:00Z",
            "2026-03-07T10:00:00Z",
            "2026-03-08T12:00:00Z",
            "2026-03-02T18:00:00Z",
            "2026-03-03T08:00:00Z",
            "2026-03-02T09:00:00Z",
            "2026-03-04T17:00:00Z",
            "2026-03-02T10:00:00Z",
            "2026-03-02T10:00:00.000001Z",
            "2026-03-02T10:00:00Z",
            null,
            "2026-03-02T12:00:00Z",
            "2026-03-02T10:00:00Z"));
  }

  @Test
  void theOpenHoursAreOnTheWallClockOfTheTimeZone() {
    // 13:00Z → 15:30Z is 08:00 → 10:30 in New York (EST, UTC-5): 1.5 h; in UTC all 2.5 h count.
    // After DST starts (Sun 2026-03-08, UTC-4): Mon 12:00Z → 14:00Z is 08:00 → 10:00: 1 h.
    BusinessHours newYork = BusinessHours.parse("America/New_York", WEEKDAYS, "09:00", "17:00");
    assertEquals(
        Arrays.asList(1.5, 1.0),
        hours(
            newYork,
            "2026-03-02T13:00:00Z",
            "2026-03-02T15:30:00Z",
            "2026-03-09T12:00:00Z",
            "2026-03-09T14:00:00Z"));
    // Saturday only, full names, a short day
    BusinessHours saturdays = BusinessHours.parse("UTC", List.of("saturday"), "10:00", "12:00");
    assertEquals(
        Arrays.asList(2.0, 0.0),
        hours(
            saturdays,
            "2026-03-06T00:00:00Z",
            "2026-03-09T00:00:00Z",
            "2026-03-02T00:00:00Z",
            "2026-03-06T23:59:59Z"));
  }

  @Test
  void aWrongSettingIsRefusedWithTheKeyNamed() {
    List<UsageException> errors =
        List.of(
            assertThrows(
                UsageException.class,
                () -> BusinessHours.parse("Mars/Base", WEEKDAYS, "09:00", "17:00")),
            assertThrows(
                UsageException.class,
                () -> BusinessHours.parse("UTC", List.of("MON", "FUNDAY"), "09:00", "17:00")),
            assertThrows(
                UsageException.class,
                () -> BusinessHours.parse("UTC", List.of(), "09:00", "17:00")),
            assertThrows(
                UsageException.class, () -> BusinessHours.parse("UTC", WEEKDAYS, "17:00", "09:00")),
            assertThrows(
                UsageException.class, () -> BusinessHours.parse("UTC", WEEKDAYS, "nine", "17:00")));
    List<String> keys = List.of("time-zone", "days", "days", "start", "start");
    for (int i = 0; i < errors.size(); i++) {
      String message = errors.get(i).getMessage();
      assertTrue(message.contains("pulse.support.business-hours." + keys.get(i)), message);
    }
  }

  /** The business hours of each (from, to) pair, in order. */
  private static List<Double> hours(BusinessHours businessHours, String... instants) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < instants.length; i += 2) {
      rows.add(RowFactory.create(i, timestamp(instants[i]), timestamp(instants[i + 1])));
    }
    Dataset<Row> pairs =
        SparkTestSession.get()
            .createDataFrame(
                rows,
                new StructType()
                    .add("i", DataTypes.IntegerType)
                    .add("from", DataTypes.TimestampType)
                    .add("to", DataTypes.TimestampType));
    return pairs
        .orderBy("i")
        .select(businessHours.between(col("from"), col("to")))
        .collectAsList()
        .stream()
        .map(r -> r.isNullAt(0) ? null : r.getDouble(0))
        .toList();
  }

  private static Timestamp timestamp(String instant) {
    return instant == null ? null : Timestamp.from(Instant.parse(instant));
  }
}
