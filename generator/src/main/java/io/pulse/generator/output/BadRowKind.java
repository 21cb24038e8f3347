package io.pulse.generator.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Every kind of bad input the generator injects with {@code --bad-row-rate}, as written to the
 * {@code kind} column of {@code _truth/bad_rows}. The last two are whole files.
 */
public enum BadRowKind {
  MALFORMED_JSON("malformed_json"),
  MALFORMED_CSV_QUOTING("malformed_csv_quoting"),
  WRONG_TYPE("wrong_type"),
  MISSING_REQUIRED_FIELD("missing_required_field"),
  UNKNOWN_ACCOUNT_ID("unknown_account_id"),
  NEGATIVE_AMOUNT("negative_amount"),
  END_BEFORE_START("valid_to_before_valid_from"),
  SCORE_OUT_OF_RANGE("score_out_of_range"),
  UNKNOWN_CURRENCY("unknown_currency"),
  FUTURE_TIMESTAMP("future_timestamp"),
  TIMESTAMP_WITHOUT_OFFSET("timestamp_without_offset"),
  CONFLICTING_DUPLICATE("conflicting_duplicate"),
  INVALID_UTF8("invalid_utf8"),
  STRAY_BOM("stray_bom"),
  EXTRA_COLUMN("extra_column"),
  MISSING_COLUMN("missing_column"),
  EMPTY_FILE("empty_file"),
  TRUNCATED_GZIP("truncated_gzip");

  private final String code;

  BadRowKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The row-level kinds that make sense for {@code source}, in a fixed order. */
  public static List<BadRowKind> rowKinds(Source source) {
    Source.Roles roles = source.roles();
    List<BadRowKind> kinds = new ArrayList<>();
    kinds.add(source.isJson() ? MALFORMED_JSON : MALFORMED_CSV_QUOTING);
    add(kinds, WRONG_TYPE, roles.number() != null);
    kinds.add(MISSING_REQUIRED_FIELD);
    add(kinds, UNKNOWN_ACCOUNT_ID, roles.account() != null);
    add(kinds, NEGATIVE_AMOUNT, roles.amount() != null);
    add(kinds, END_BEFORE_START, roles.validFrom() != null);
    add(kinds, SCORE_OUT_OF_RANGE, roles.score() != null);
    add(kinds, UNKNOWN_CURRENCY, roles.currency() != null);
    add(kinds, FUTURE_TIMESTAMP, roles.future() != null);
    add(kinds, TIMESTAMP_WITHOUT_OFFSET, roles.time() != null);
    kinds.add(CONFLICTING_DUPLICATE);
    kinds.add(INVALID_UTF8);
    kinds.add(STRAY_BOM);
    add(kinds, EXTRA_COLUMN, !source.isJson());
    add(kinds, MISSING_COLUMN, !source.isJson());
    return kinds;
  }

  private static void add(List<BadRowKind> kinds, BadRowKind kind, boolean applies) {
    if (applies) {
      kinds.add(kind);
    }
  }
}
