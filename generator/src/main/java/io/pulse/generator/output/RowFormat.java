package io.pulse.generator.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;

/** Formats rows: CSV with RFC 4180 quoting (LF line ends), usage events as one JSON object. */
public final class RowFormat {
  /** RFC 4180: quotes only where needed, doubled inside quotes; LF, which L2 allows, not CRLF. */
  public static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  private static final JsonFactory JSON = new JsonFactory();

  private RowFormat() {}

  public static String format(Source source, String[] values) {
    return source.isJson() ? eventJson(values, null, null) : CSV.format((Object[]) values);
  }

  /** The CSV header line of {@code source}. */
  public static String header(Source source) {
    return CSV.format(source.columns().toArray());
  }

  /**
   * A usage event as JSON: the contract fields, then {@code properties}. {@code omit} drops one
   * field; {@code numericField} writes that field as a bare number (a wrong type), for bad rows.
   */
  public static String eventJson(String[] v, String omit, String numericField) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      String[] names = {
        "event_id", "account_id", "user_id", "event_type", "feature", "occurred_at"
      };
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(omit)) {
          continue;
        }
        json.writeFieldName(names[i]);
        if (names[i].equals(numericField)) {
          json.writeNumber(20260105L);
        } else if (v[i] == null || v[i].isEmpty()) {
          json.writeNull();
        } else {
          json.writeString(v[i]);
        }
      }
      json.writeObjectFieldStart("properties");
      json.writeStringField("client", v[6]);
      json.writeFieldName("duration_ms");
      json.writeNumber(Long.parseLong(v[7]));
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A CSV line with one raw (unquoted, unescaped) field: how malformed quoting is made. */
  public static String csvWithRawField(String[] values, int rawIndex, String raw) {
    String[] parts = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      parts[i] = i == rawIndex ? raw : CSV.format(values[i]);
    }
    return String.join(",", Arrays.asList(parts));
  }
}
