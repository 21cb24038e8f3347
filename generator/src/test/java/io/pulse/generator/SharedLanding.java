package io.pulse.generator;

import io.pulse.generator.output.Source;
import io.pulse.generator.output.TruthWriter;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * One medium landing set (200 accounts, nine months with three quarter starts), generated once per
 * test JVM and read back once, for the realism and churn-driver tests.
 */
final class SharedLanding {
  static final LocalDate START = LocalDate.parse("2025-10-01");
  static final LocalDate END = LocalDate.parse("2026-06-30");

  private static SharedLanding instance;

  final Landing landing;
  final Map<Source, List<Map<String, String>>> csv = new EnumMap<>(Source.class);
  final List<Event> events;
  final List<CSVRecord> truth;

  private SharedLanding() {
    landing = Landing.generate("0.2", START.toString(), END.toString());
    for (Source source : Source.values()) {
      if (!source.isJson()) {
        csv.put(source, landing.csv(source));
      }
    }
    events = landing.events();
    truth = landing.truth(TruthWriter.ACCOUNTS);
  }

  static synchronized SharedLanding get() {
    if (instance == null) {
      instance = new SharedLanding();
    }
    return instance;
  }

  List<Map<String, String>> rows(Source source) {
    return csv.get(source);
  }
}
