package io.pulse.generator.output;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Makes one bad line from a good row. The copy gets a fresh key (its id suffixed {@code -BAD<n>})
 * so it never collides with good data, except a conflicting duplicate, which keeps the key on
 * purpose. Good rows are never changed: with bad rows on, the good data is the same as without.
 */
public record BadRow(byte[] line, String key, String detail) {
  /** Stands for an invalid UTF-8 sequence until the line is encoded. */
  private static final char INVALID_MARK = '\uE000';

  private static final byte[] MARK_BYTES =
      String.valueOf(INVALID_MARK).getBytes(StandardCharsets.UTF_8);

  /** A lone continuation of a 2-byte sequence: {@code C3 28} is never valid UTF-8. */
  private static final byte[] INVALID_BYTES = {(byte) 0xC3, (byte) 0x28};

  public static BadRow make(Source source, Row good, BadRowKind kind, int n) {
    Source.Roles roles = source.roles();
    String[] v = good.values().clone();
    int keyIndex = source.indexOf(roles.key().get(0));
    if (kind != BadRowKind.CONFLICTING_DUPLICATE && source != Source.FX_RATES) {
      v[keyIndex] = v[keyIndex] + "-BAD" + n;
    }
    String detail = "";
    String omit = null;
    String numeric = null;
    switch (kind) {
      case WRONG_TYPE -> {
        String column = roles.number();
        if (source.isJson()) {
          numeric = "occurred_at";
          column = "occurred_at";
        } else {
          v[source.indexOf(column)] = column.endsWith("_at") ? "next tuesday" : "twelve";
        }
        detail = column;
      }
      case MISSING_REQUIRED_FIELD -> {
        String column = roles.account() != null ? roles.account() : roles.key().get(0);
        v[source.indexOf(column)] = "";
        omit = column;
        detail = column;
      }
      case UNKNOWN_ACCOUNT_ID -> {
        v[source.indexOf(roles.account())] = String.format("Z%06d", n);
        detail = roles.account();
      }
      case NEGATIVE_AMOUNT -> {
        int i = source.indexOf(roles.amount());
        v[i] = v[i].isEmpty() ? "-1" : "-" + v[i];
        detail = roles.amount();
      }
      case END_BEFORE_START -> {
        String from = v[source.indexOf(roles.validFrom())];
        v[source.indexOf(roles.validTo())] =
            (Integer.parseInt(from.substring(0, 4)) - 1) + from.substring(4);
        detail = roles.validTo() + " before " + roles.validFrom();
      }
      case SCORE_OUT_OF_RANGE -> {
        String type = v[source.indexOf("survey_type")];
        v[source.indexOf(roles.score())] =
            switch (type) {
              case "nps" -> "11";
              case "csat" -> "0";
              default -> "8";
            };
        detail = type;
      }
      case UNKNOWN_CURRENCY -> {
        v[source.indexOf(roles.currency())] = "ZZZ";
        detail = roles.currency();
      }
      case FUTURE_TIMESTAMP -> {
        v[source.indexOf(roles.future())] = "2099-01-01T00:00:00Z";
        detail = roles.future();
      }
      case TIMESTAMP_WITHOUT_OFFSET -> {
        int i = source.indexOf(roles.time());
        v[i] = v[i].replaceFirst("(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)$", "");
        detail = roles.time();
      }
      case CONFLICTING_DUPLICATE -> {
        // same key, different content: the amount moves by one, or the text changes
        int i = source.indexOf(roles.amount() != null ? roles.amount() : roles.text());
        v[i] = roles.amount() != null ? bump(v[i]) : v[i] + " (restated)";
        detail = "conflicts with the row before it";
      }
      case INVALID_UTF8 -> {
        int i = source.indexOf(roles.text());
        v[i] = v[i] + INVALID_MARK;
        detail = roles.text();
      }
      default -> {}
    }
    String key = source.key(v);
    String line =
        source.isJson()
            ? RowFormat.eventJson(v, omit, numeric)
            : RowFormat.CSV.format((Object[]) v);
    switch (kind) {
      case MALFORMED_JSON -> line = line.substring(0, line.length() / 2);
      case MALFORMED_CSV_QUOTING -> {
        int i = source.indexOf(roles.key().get(0)) == 0 ? 1 : 0;
        line = RowFormat.csvWithRawField(v, i, "\"broken\" quote");
        detail = source.columns().get(i);
      }
      case STRAY_BOM -> line = '\uFEFF' + line;
      case EXTRA_COLUMN -> line = line + ",unexpected";
      case MISSING_COLUMN -> {
        String[] shorter = java.util.Arrays.copyOf(v, v.length - 1);
        line = RowFormat.CSV.format((Object[]) shorter);
        detail = source.columns().get(v.length - 1);
      }
      default -> {}
    }
    return new BadRow(encode(line), key, detail);
  }

  private static String bump(String number) {
    return number.isEmpty() ? "1" : new BigDecimal(number).add(BigDecimal.ONE).toPlainString();
  }

  private static byte[] encode(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    int at = indexOf(bytes, MARK_BYTES);
    if (at < 0) {
      return bytes;
    }
    byte[] out = new byte[bytes.length - MARK_BYTES.length + INVALID_BYTES.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(INVALID_BYTES, 0, out, at, INVALID_BYTES.length);
    System.arraycopy(
        bytes,
        at + MARK_BYTES.length,
        out,
        at + INVALID_BYTES.length,
        bytes.length - at - MARK_BYTES.length);
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
