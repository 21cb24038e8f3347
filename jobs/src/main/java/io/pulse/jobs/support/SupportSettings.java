package io.pulse.jobs.support;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import io.pulse.common.error.UsageException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code pulse.support} settings (METRICS.md §6, S1-S3).
 *
 * @param slaFirstReplyHours first-reply SLA in hours by ticket priority (S3); a priority without an
 *     entry has no SLA and is never breached
 * @param shortWindowDays the short window of tickets_opened (default 7: the ticket-spike alert)
 * @param windowDays the main window (S1, default 30): medians, SLA breaches, tickets opened
 * @param longWindowDays the long window (default 90): reopen rate, SLA breaches, daily mean
 * @param businessHours the hours durations count (§6's business-hours option); null: calendar hours
 */
public record SupportSettings(
    Map<String, Double> slaFirstReplyHours,
    int shortWindowDays,
    int windowDays,
    int longWindowDays,
    BusinessHours businessHours) {
  static final String PREFIX = "pulse.support.";
  static final String SLA = PREFIX + "sla-first-reply-hours";

  public SupportSettings {
    slaFirstReplyHours = Map.copyOf(new TreeMap<>(slaFirstReplyHours));
    slaFirstReplyHours.forEach(
        (priority, hours) -> {
          if (!(hours > 0) || hours.isInfinite()) {
            throw new UsageException(
                "bad configuration: "
                    + SLA
                    + "."
                    + priority
                    + " must be a positive number of hours, not "
                    + hours);
          }
        });
    positive("short-window-days", shortWindowDays);
    positive("window-days", windowDays);
    positive("long-window-days", longWindowDays);
    // tickets_opened_7d ≤ _30d ≤ _90d is checked on every row; the windows must nest for that.
    if (shortWindowDays > windowDays || windowDays > longWindowDays) {
      throw new UsageException(
          "bad configuration: "
              + PREFIX
              + "short-window-days ("
              + shortWindowDays
              + ") ≤ window-days ("
              + windowDays
              + ") ≤ long-window-days ("
              + longWindowDays
              + ") must hold");
    }
  }

  /** Calendar hours. */
  public SupportSettings(
      Map<String, Double> slaFirstReplyHours,
      int shortWindowDays,
      int windowDays,
      int longWindowDays) {
    this(slaFirstReplyHours, shortWindowDays, windowDays, longWindowDays, null);
  }

  public static SupportSettings from(Config config) {
    return new SupportSettings(
        slaHours(config),
        integer(config, "short-window-days"),
        integer(config, "window-days"),
        integer(config, "long-window-days"),
        businessHours(config));
  }

  /** Null for {@code hours = calendar}; the configured business hours for {@code business}. */
  private static BusinessHours businessHours(Config config) {
    String hours = config.getString(PREFIX + "hours");
    switch (hours) {
      case "calendar":
        return null;
      case "business":
        String key = PREFIX + "business-hours.";
        return BusinessHours.parse(
            config.getString(key + "time-zone"),
            config.getStringList(key + "days"),
            config.getString(key + "start"),
            config.getString(key + "end"));
      default:
        throw new UsageException(
            "bad configuration: " + PREFIX + "hours must be calendar or business, not " + hours);
    }
  }

  /** Each priority's hours; a null entry (e.g. {@code low = null} in a file) removes its SLA. */
  private static Map<String, Double> slaHours(Config config) {
    ConfigObject entries = config.getObject(SLA);
    Map<String, Double> hours = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : entries.entrySet()) {
      if (e.getValue().valueType() == ConfigValueType.NULL) {
        continue;
      }
      String key = SLA + "." + e.getKey();
      try {
        hours.put(e.getKey(), config.getDouble(key));
      } catch (ConfigException bad) {
        throw new UsageException(
            "bad configuration: " + key + " must be a number of hours: " + bad.getMessage(), bad);
      }
    }
    return hours;
  }

  private static int integer(Config config, String name) {
    try {
      return config.getInt(PREFIX + name);
    } catch (ConfigException bad) {
      throw new UsageException(
          "bad configuration: " + PREFIX + name + " must be a whole number of days", bad);
    }
  }

  private static void positive(String name, int days) {
    if (days < 1) {
      throw new UsageException(
          "bad configuration: " + PREFIX + name + " must be at least 1 day, not " + days);
    }
  }
}
