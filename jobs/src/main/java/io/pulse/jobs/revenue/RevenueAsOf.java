package io.pulse.jobs.revenue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulse.common.table.DeltaWriter;
import io.pulse.common.table.TableDef;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the month-by-month revenue tables were last published for: the run date they are as of and
 * the settings they were computed with. Kept as the note of each table's last commit, so it is
 * published atomically with the rows it describes.
 */
record RevenueAsOf(LocalDate date, String settings) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The tables recomputed from a first month on; the others are rebuilt whole on every run. */
  static final List<TableDef> TABLES =
      List.of(RevenueTables.MRR_DAILY, RevenueTables.MRR_MONTHLY, RevenueTables.KPI_MONTHLY);

  String note() {
    try {
      return JSON.writeValueAsString(Map.of("as_of", date.toString(), "settings", settings));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The state all of {@link #TABLES} agree on; empty when one is missing, carries no note (written
   * by an older Pulse) or differs from the others (a run that failed between two writes).
   */
  static Optional<RevenueAsOf> published(DeltaWriter writer) {
    List<Optional<String>> notes = TABLES.stream().map(writer::lastNote).distinct().toList();
    if (notes.size() != 1 || notes.get(0).isEmpty()) {
      return Optional.empty();
    }
    return parse(notes.get(0).get());
  }

  private static Optional<RevenueAsOf> parse(String note) {
    try {
      JsonNode json = JSON.readTree(note);
      return Optional.of(
          new RevenueAsOf(
              LocalDate.parse(json.path("as_of").asText()), json.path("settings").asText()));
    } catch (JsonProcessingException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
