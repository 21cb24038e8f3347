package io.pulse.jobs.silver;

/** Why silver rejected a row: the {@code reason} column of every quarantine table. */
public enum QuarantineReason {
  UNPARSEABLE("bronze could not split the record into the contract's columns"),
  BAD_ENCODING(
      "a value holds bytes that are not UTF-8 (read as U+FFFD) or a stray byte-order mark"),
  MISSING_REQUIRED("a required field is empty"),
  BAD_TYPE("a value is not of its column's type (number, date, boolean)"),
  BAD_TIMESTAMP("a timestamp is not ISO-8601 with an offset (rule L1)"),
  BAD_ENUM("a value is not one of its column's allowed values"),
  OUT_OF_RANGE("a negative quantity or amount, a discount outside 0-100, a rate not above 0"),
  INVALID_PERIOD("valid_to is not after valid_from"),
  UNKNOWN_CURRENCY("a currency outside pulse.silver.currencies"),
  FUTURE_TIMESTAMP("a timestamp later than the delivery date plus pulse.silver.future-tolerance"),
  UNKNOWN_ACCOUNT("an account_id no accounts delivery up to that date holds (rule L3)"),
  CONFLICTING_DUPLICATE("the same key and version delivered with different content (rule L4)");

  private final String meaning;

  QuarantineReason(String meaning) {
    this.meaning = meaning;
  }

  /** The code stored in the quarantine table, e.g. {@code bad_timestamp}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public String meaning() {
    return meaning;
  }
}
