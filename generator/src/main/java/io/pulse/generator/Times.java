package io.pulse.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Epoch-second arithmetic and the ISO-8601 forms (always with an offset, rule L1) we write. */
public final class Times {
  public static final long DAY = 86_400L;
  public static final long HOUR = 3_600L;

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

  private Times() {}

  /** {@code 2026-01-05T09:30:00-05:00}: the instant in the given fixed offset. */
  public static String iso(long epochSecond, ZoneOffset offset) {
    return SECONDS.format(Instant.ofEpochSecond(epochSecond).atOffset(offset));
  }

  /** {@code 2026-01-05T14:30:00.123Z}: event time in UTC with milliseconds. */
  public static String isoMillis(long epochMilli) {
    return MILLIS.format(Instant.ofEpochMilli(epochMilli).atOffset(ZoneOffset.UTC));
  }

  public static String date(long epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  public static long dayOf(long epochSecond) {
    return Math.floorDiv(epochSecond, DAY);
  }
}
