package io.pulse.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A usage event read back: the fields tests look at, its UTC date, delivery date and raw line. */
record Event(
    String eventId,
    String accountId,
    String userId,
    String type,
    String feature,
    LocalDate occurredOn,
    LocalDate deliveredOn,
    String line) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Event parse(String line, LocalDate dt) {
    try {
      JsonNode e = JSON.readTree(line);
      return new Event(
          e.get("event_id").asText(),
          e.get("account_id").asText(),
          e.get("user_id").asText(),
          e.get("event_type").asText(),
          e.get("feature").isNull() ? null : e.get("feature").asText(),
          OffsetDateTime.parse(e.get("occurred_at").asText())
              .withOffsetSameInstant(ZoneOffset.UTC)
              .toLocalDate(),
          dt,
          line);
    } catch (IOException e) {
      throw new UncheckedIOException(line, e);
    }
  }
}
