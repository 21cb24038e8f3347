package io.pulse.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * A typed silver column read from a bronze string column of the same name. {@link #typed()} parses
 * with Spark built-ins and yields null for a value that does not parse, which {@link #violations()}
 * reports.
 */
public record Field(
    String name, Kind kind, boolean required, List<String> allowed, String comment) {
  /** How a raw string becomes a typed value. */
  public enum Kind {
    STRING(DataTypes.StringType),
    /** ISO-8601 with an offset; rule L1 rejects one without. */
    TIMESTAMP(DataTypes.TimestampType),
    DATE(DataTypes.DateType),
    /** Money and rates: decimal(18,4), rounded HALF_UP by the cast. */
    DECIMAL(new DecimalType(18, 4)),
    /** Exchange rates: decimal(20,10), fine enough for JPY. */
    RATE(new DecimalType(20, 10)),
    INTEGER(DataTypes.IntegerType),
    BOOLEAN(DataTypes.BooleanType),
    /** A string from a closed list. */
    ENUM(DataTypes.StringType);

    final DataType type;

    Kind(DataType type) {
      this.type = type;
    }
  }

  static final String TIMESTAMP_WITH_OFFSET =
      "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$";
  static final String ISO_DATE = "^\\d{4}-\\d{2}-\\d{2}$";
  static final String INTEGER = "^[+-]?\\d{1,9}$";
  static final String DECIMAL = "^[+-]?(\\d{1,14}(\\.\\d*)?|\\.\\d+)$";

  public Field {
    allowed = List.copyOf(allowed);
  }

  public static Field required(String name, Kind kind, String comment) {
    return new Field(name, kind, true, List.of(), comment);
  }

  public static Field optional(String name, Kind kind, String comment) {
    return new Field(name, kind, false, List.of(), comment);
  }

  public static Field requiredEnum(String name, List<String> allowed, String comment) {
    return new Field(name, Kind.ENUM, true, allowed, comment);
  }

  public DataType type() {
    return kind.type;
  }

  /** The raw value, trimmed, with an empty string read as absent. */
  Column raw() {
    Column trimmed = trim(col(name));
    return when(trimmed.notEqual(lit("")), trimmed);
  }

  /** The typed value; null when absent or when it does not parse. */
  public Column typed() {
    Column raw = raw();
    Column value =
        switch (kind) {
          case STRING -> raw;
          case TIMESTAMP -> when(raw.rlike(TIMESTAMP_WITH_OFFSET), raw.try_cast(kind.type));
          case DATE -> when(raw.rlike(ISO_DATE), raw.try_cast(kind.type));
          case DECIMAL, RATE -> when(raw.rlike(DECIMAL), raw.try_cast(kind.type));
          case INTEGER -> when(raw.rlike(INTEGER), raw.try_cast(kind.type));
          case BOOLEAN -> when(lower(raw).isin("true", "false"), lower(raw).equalTo("true"));
          case ENUM -> when(raw.isin(allowed.toArray()), raw);
        };
    return value.cast(kind.type).as(name);
  }

  /** The field's own rules: present when required, parseable when present. */
  List<Rule> violations() {
    Column raw = raw();
    QuarantineReason unparsed =
        switch (kind) {
          case TIMESTAMP -> QuarantineReason.BAD_TIMESTAMP;
          case ENUM -> QuarantineReason.BAD_ENUM;
          default -> QuarantineReason.BAD_TYPE;
        };
    String expected =
        switch (kind) {
          case ENUM -> "one of " + allowed;
          case TIMESTAMP -> "an ISO-8601 timestamp with offset";
          default -> "a " + kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    Rule parses =
        Rule.of(
            unparsed,
            raw.isNotNull().and(SilverEntity.typed(name).isNull()),
            Rule.detail(name + " '", raw, "' is not " + expected));
    return required
        ? List.of(
            Rule.of(QuarantineReason.MISSING_REQUIRED, raw.isNull(), lit(name + " is empty")),
            parses)
        : List.of(parses);
  }
}
