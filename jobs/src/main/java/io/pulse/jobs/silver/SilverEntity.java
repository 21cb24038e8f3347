package io.pulse.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.Layer;
import io.pulse.common.table.TableDef;
import io.pulse.jobs.ingest.LandingSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * A silver entity: which bronze source it types, its typed fields, its identity for deduplication
 * (key plus version, rule L4) and the rules beyond each field's own.
 *
 * @param key the entity's key; with {@code version}, a row's identity
 * @param version the version column ({@code updated_at}), or null when the key alone identifies
 * @param conflictsQuarantined whether the same identity with other content is quarantined (rule
 *     L4); false for usage events, where the first delivery wins
 * @param futureChecked timestamp fields that may not lie beyond the delivery date (rule L6)
 * @param extraRules rules across fields, given the silver settings
 * @param eventTime the timestamp field whose UTC date, {@code event_date}, partitions the table by
 *     its month, so late rows land in the month they happened; null partitions by delivery month
 */
public record SilverEntity(
    LandingSource source,
    String description,
    List<Field> fields,
    List<String> key,
    String version,
    boolean conflictsQuarantined,
    boolean checksAccount,
    List<String> futureChecked,
    Function<SilverSettings, List<Rule>> extraRules,
    String eventTime) {

  /** An entity partitioned by delivery month. */
  public SilverEntity(
      LandingSource source,
      String description,
      List<Field> fields,
      List<String> key,
      String version,
      boolean conflictsQuarantined,
      boolean checksAccount,
      List<String> futureChecked,
      Function<SilverSettings, List<Rule>> extraRules) {
    this(
        source,
        description,
        fields,
        key,
        version,
        conflictsQuarantined,
        checksAccount,
        futureChecked,
        extraRules,
        null);
  }

  public SilverEntity {
    fields = List.copyOf(fields);
    key = List.copyOf(key);
    futureChecked = List.copyOf(futureChecked);
  }

  /** The partition column of entities with an event time. */
  public static final String EVENT_DATE = "event_date";

  public String name() {
    return source.name();
  }

  /** The columns that identify one delivered version. */
  public List<String> identity() {
    List<String> identity = new ArrayList<>(key);
    if (version != null) {
      identity.add(version);
    }
    return identity;
  }

  /**
   * Each key's rows, newest first: by the version column when there is one, then by delivery (date,
   * file, line), so the latest delivery wins a tie and versions without a column.
   */
  public WindowSpec newestFirst() {
    List<Column> order = new ArrayList<>();
    if (version != null) {
      order.add(col(version).desc());
    }
    order.add(col("_dt").desc());
    order.add(col("_source_file").desc());
    order.add(col("_row_number").desc());
    return Window.partitionBy(key.stream().map(k -> col(k)).toArray(Column[]::new))
        .orderBy(order.toArray(Column[]::new));
  }

  /** The typed value of field {@code name} inside a transform (column {@code _t_<name>}). */
  static Column typed(String name) {
    return col(SilverTransform.TYPED + name);
  }

  /** {@code silver.<name>}: accepted, typed rows, every version kept. */
  public TableDef table() {
    List<ColumnDef> columns = new ArrayList<>();
    for (Field f : fields) {
      columns.add(new ColumnDef(f.name(), f.type(), f.comment()));
    }
    if (eventTime != null) {
      columns.add(
          new ColumnDef(
              EVENT_DATE,
              DateType,
              "UTC date of " + eventTime + ", whose month partitions the table"));
    }
    columns.addAll(SilverTransform.metadataColumns());
    columns.add(ColumnDef.monthOf(eventTime == null ? "_dt" : EVENT_DATE));
    return new TableDef(
        Layer.SILVER,
        name(),
        description + "; typed and validated",
        columns,
        List.of(ColumnDef.MONTH),
        TableDef.OPTIMIZED_WRITES);
  }

  /** {@code silver.<name>_quarantine}: rejected rows with the reason and the raw record. */
  public TableDef quarantineTable() {
    return new TableDef(
        Layer.SILVER,
        name() + "_quarantine",
        "Rows of bronze." + name() + " that silver rejected, with the reason",
        List.of(
            new ColumnDef(
                "reason", StringType, "Reason code (docs/silver.md), the first rule broken"),
            new ColumnDef("detail", StringType, "Every rule the row broke, with its values"),
            new ColumnDef("raw", StringType, "The bronze record's contract columns, as JSON"),
            new ColumnDef(
                "_corrupt_record", StringType, "The raw text when bronze could not parse it"),
            new ColumnDef("_source_file", StringType, "Landing file of the record"),
            new ColumnDef("_row_number", LongType, "Position of the record in its file"),
            new ColumnDef("_dt", DateType, "Delivery date"),
            new ColumnDef("_run_id", StringType, "Silver run that rejected it"),
            ColumnDef.monthOf("_dt")),
        List.of(ColumnDef.MONTH),
        TableDef.OPTIMIZED_WRITES);
  }
}
