package io.pulse.jobs.cli;

import java.util.List;
import org.apache.spark.sql.Row;

/** Renders rows whose values are already strings as a text table or as RFC 4180 CSV. */
final class TextTables {
  private static final String NULL = "null";

  private TextTables() {}

  static String table(String[] header, List<Row> rows) {
    int[] widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = header[i].length();
      for (Row row : rows) {
        widths[i] = Math.max(widths[i], text(row, i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, widths, i -> header[i]);
    line(out, widths, i -> "-".repeat(widths[i]));
    for (Row row : rows) {
      line(out, widths, i -> text(row, i));
    }
    out.append('(').append(rows.size()).append(rows.size() == 1 ? " row)\n" : " rows)\n");
    return out.toString();
  }

  static String csv(String[] header, List<Row> rows) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < header.length; i++) {
      out.append(i > 0 ? "," : "").append(quote(header[i]));
    }
    out.append('\n');
    for (Row row : rows) {
      for (int i = 0; i < header.length; i++) {
        out.append(i > 0 ? "," : "").append(row.isNullAt(i) ? "" : quote(row.getString(i)));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static void line(
      StringBuilder out, int[] widths, java.util.function.IntFunction<String> cell) {
    for (int i = 0; i < widths.length; i++) {
      out.append(i > 0 ? " | " : "").append(String.format("%-" + widths[i] + "s", cell.apply(i)));
    }
    out.append('\n');
  }

  private static String text(Row row, int i) {
    return row.isNullAt(i) ? NULL : row.getString(i);
  }

  private static String quote(String value) {
    boolean needsQuotes =
        value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
    return needsQuotes ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
