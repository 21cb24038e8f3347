package io.pulse.generator.output;

/** One good landing row: its values in contract order and its formatted line (no line break). */
public record Row(String[] values, String line) {
  public static Row of(Source source, String... values) {
    return new Row(values, RowFormat.format(source, values));
  }
}
