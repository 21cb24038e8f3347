package io.pulse.jobs.silver;

import static io.pulse.common.spark.ColumnNames.seq;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.pulse.common.table.ColumnDef;
import io.pulse.jobs.ingest.LandingSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Bronze rows of one entity to silver: typed, validated, deduplicated. A pure function of its
 * inputs (Spark built-ins only): rows that break a rule go to quarantine with the first reason and
 * every detail; valid rows are deduplicated by identity (rule L4, validated first as rule L5 says);
 * whatever is neither accepted nor quarantined was a duplicate.
 */
public final class SilverTransform {
  static final String TYPED = "_t_";
  private static final String PROBLEMS = "_problems";
  private static final String HASH = "_content_hash";
  private static final String OUTCOME = "_outcome";
  private static final String ACCEPTED = "accepted";
  private static final String INVALID = "invalid";
  private static final String CONFLICT = "conflict";
  private static final String DUPLICATE = "duplicate";

  /** Where content is not compared: the identity has an earlier run's row. */
  private static final String SEEN_BEFORE = "_seen_before";

  private final SilverEntity entity;
  private final SilverSettings settings;
  private final boolean fewIdentities;

  /** A transform for any batch, however many identities it holds (e.g. a backfill's). */
  public SilverTransform(SilverEntity entity, SilverSettings settings) {
    this(entity, settings, false);
  }

  /**
   * @param fewIdentities the batch's identities fit in memory (one delivery day's do): they are
   *     broadcast to find their earlier rows, which are then scanned but not shuffled (at SF10, 47
   *     million usage events for a day's 100 thousand)
   */
  public SilverTransform(SilverEntity entity, SilverSettings settings, boolean fewIdentities) {
    this.entity = entity;
    this.settings = settings;
    this.fewIdentities = fewIdentities;
  }

  /**
   * Accepted and quarantined rows, and {@code outcomes}: each bronze row's {@code _dt} and {@code
   * _outcome} ({@code accepted}, {@code quarantined} or {@code duplicate}), to reconcile.
   */
  public record Outcome(Dataset<Row> accepted, Dataset<Row> quarantined, Dataset<Row> outcomes) {}

  /** The metadata columns every silver table carries after its typed fields. */
  static List<ColumnDef> metadataColumns() {
    return List.of(
        new ColumnDef(HASH, StringType, "SHA-256 of the typed content: equal content, equal hash"),
        new ColumnDef("_source_file", StringType, "Landing file of the record"),
        new ColumnDef("_row_number", LongType, "Position of the record in its file"),
        new ColumnDef("_dt", DateType, "Delivery date"),
        new ColumnDef("_run_id", StringType, "Silver run that accepted it"));
  }

  /**
   * Each bronze row with its typed fields ({@code _t_<name>}), the rules it breaks ({@code
   * _problems}, empty when valid) and its content hash. The wide part of the transform: {@link
   * #mark} reads these rows several times (invalid rows, valid rows, their identities), so a caller
   * that caches them types each row once and keeps the later plans small.
   *
   * @param bronze rows of {@code bronze.<source>}
   * @param knownAccounts {@code account_id, _known_from}: the first delivery date of each account
   *     (rule L3); used when the entity checks accounts
   */
  public Dataset<Row> judge(Dataset<Row> bronze, Dataset<Row> knownAccounts) {
    // One top-level column per typed field, not a struct: the optimizer inlines a struct's field
    // expressions into every rule that reads them.
    List<Column> typed = new ArrayList<>(List.of(col("*")));
    entity.fields().forEach(f -> typed.add(f.typed().as(TYPED + f.name())));
    Dataset<Row> rows = bronze.select(typed.toArray(Column[]::new));
    if (entity.checksAccount()) {
      rows =
          rows.join(
              broadcast(knownAccounts.withColumnRenamed("account_id", "_known_account")),
              trim(col("account_id")).equalTo(col("_known_account")),
              "left");
    }
    Dataset<Row> judged =
        rows.withColumn(PROBLEMS, problems())
            .withColumn(HASH, sha2(to_json(struct(typedFields().toArray(Column[]::new))), 256));
    return entity.conflictsQuarantined() ? judged : withoutValidText(judged);
  }

  /**
   * The judged rows with the source text of valid rows set to null. Where conflicts are not
   * quarantined a valid row is accepted or a duplicate, so only an invalid row's text is ever read
   * (as the quarantine's {@code raw}); a cache of the judged rows then holds the typed row once
   * instead of twice over (at SF10, 47.8 million usage events).
   */
  private Dataset<Row> withoutValidText(Dataset<Row> judged) {
    Set<String> text = Set.copyOf(entity.source().columnNames());
    Column[] columns =
        Arrays.stream(judged.columns())
            .map(
                name -> {
                  Column column = col("`" + name + "`");
                  return text.contains(name) ? when(invalid(), column).as(name) : column;
                })
            .toArray(Column[]::new);
    return judged.select(columns);
  }

  /**
   * Each judged row's outcome: {@code _outcome} is {@code accepted}, {@code duplicate}, {@code
   * conflict} (rule L4) or {@code invalid} (it broke a rule listed in {@code _problems}). The one
   * frame the accepted rows, the quarantine and the reconciliation all come from, so a caller can
   * cache it and compute the deduplication once.
   *
   * @param judged rows from {@link #judge}
   * @param existing {@code silver.<name>} rows of other deliveries than {@code judged}'s, whose
   *     identities a new row may repeat
   */
  public Dataset<Row> mark(Dataset<Row> judged, Dataset<Row> existing) {
    Dataset<Row> invalid = judged.where(invalid()).withColumn(OUTCOME, lit(INVALID));
    Dataset<Row> valid = judged.where(not(invalid()));
    if (!entity.conflictsQuarantined()) {
      // A valid row can then only be accepted or a duplicate, never quarantined, so its raw text is
      // never read: the deduplication's shuffle and the caller's cache carry the typed row only (at
      // SF10, 47.8 million usage events).
      valid = valid.select(acceptedInputs());
    }
    return invalid.unionByName(deduplicate(valid, existing), true);
  }

  /** Whether a judged row broke a rule. */
  private static Column invalid() {
    return size(col(PROBLEMS)).gt(0);
  }

  /** The columns of a judged row that {@link #acceptedColumns} reads. */
  private Column[] acceptedInputs() {
    List<Column> columns = new ArrayList<>();
    entity.fields().forEach(f -> columns.add(SilverEntity.typed(f.name())));
    for (String name : List.of(HASH, "_source_file", "_row_number", "_dt")) {
      columns.add(col(name));
    }
    return columns.toArray(Column[]::new);
  }

  /** The accepted rows, the quarantined rows with their reasons, and each row's outcome. */
  public Outcome split(Dataset<Row> marked, String runId) {
    Dataset<Row> accepted =
        marked.where(col(OUTCOME).equalTo(ACCEPTED)).select(acceptedColumns(runId));
    Column conflictProblem =
        array(
            struct(
                lit(QuarantineReason.CONFLICTING_DUPLICATE.code()).as("reason"),
                lit(String.join(", ", entity.identity()) + " delivered with different content")
                    .as("detail")));
    Dataset<Row> quarantined =
        marked
            .where(col(OUTCOME).isin(INVALID, CONFLICT))
            .withColumn(
                PROBLEMS,
                when(col(OUTCOME).equalTo(CONFLICT), conflictProblem).otherwise(col(PROBLEMS)))
            .select(quarantineColumns(runId));
    Column outcome =
        when(col(OUTCOME).isin(INVALID, CONFLICT), "quarantined").otherwise(col(OUTCOME));
    Dataset<Row> outcomes = marked.select(col("_dt"), outcome.as(OUTCOME));
    return new Outcome(accepted, quarantined, outcomes);
  }

  /** {@link #judge}, {@link #mark} then {@link #split}, uncached. */
  public Outcome apply(
      Dataset<Row> bronze, Dataset<Row> knownAccounts, Dataset<Row> existing, String runId) {
    return split(mark(judge(bronze, knownAccounts), existing), runId);
  }

  /** Every rule the row breaks, as {@code array<struct<reason, detail>>}, in rule order. */
  private Column problems() {
    List<Rule> rules = new ArrayList<>();
    Column corrupt = col(LandingSource.CORRUPT_RECORD).isNotNull().or(strayQuote());
    rules.add(
        Rule.of(
            QuarantineReason.UNPARSEABLE,
            corrupt,
            when(
                    col(LandingSource.CORRUPT_RECORD).isNotNull(),
                    lit("bronze could not parse the record"))
                .otherwise(
                    lit("a value starts with a quote its field did not close (CSV quoting)"))));
    List<Rule> fieldRules = new ArrayList<>();
    fieldRules.add(badEncoding());
    entity.fields().forEach(f -> fieldRules.addAll(f.violations()));
    for (Rule rule : fieldRules) {
      // A record bronze could not parse says one thing only: that it is unparseable.
      rules.add(new Rule(rule.reason(), rule.violated().and(corrupt.unary_$bang()), rule.detail()));
    }
    rules.addAll(entity.extraRules().apply(settings));
    Column latestAllowed =
        date_add(col("_dt"), 1 + settings.futureToleranceDays()).cast("timestamp");
    for (String name : entity.futureChecked()) {
      rules.add(
          Rule.of(
              QuarantineReason.FUTURE_TIMESTAMP,
              SilverEntity.typed(name).gt(latestAllowed),
              Rule.detail(
                  name + " ",
                  SilverEntity.typed(name).cast("string"),
                  " is after the delivery date plus tolerance")));
    }
    if (entity.checksAccount() && settings.quarantineUnknownAccounts()) {
      rules.add(
          Rule.of(
              QuarantineReason.UNKNOWN_ACCOUNT,
              SilverEntity.typed("account_id")
                  .isNotNull()
                  .and(col("_known_from").isNull().or(col("_known_from").gt(col("_dt")))),
              Rule.detail(
                  "account_id '",
                  SilverEntity.typed("account_id"),
                  "' is in no accounts delivery up to this date")));
    }
    Column[] checks =
        rules.stream()
            .map(
                r ->
                    when(
                        r.violated(),
                        struct(lit(r.reason().code()).as("reason"), r.detail().as("detail"))))
            .toArray(Column[]::new);
    return array_compact(array(checks));
  }

  /**
   * Spark's CSV reader reads a field with text after its closing quote ({@code "broken" quote})
   * leniently, keeping the quotes; its strict mode would fail the whole file instead. A properly
   * quoted field loses its opening quote when read, so a value that still starts with one and holds
   * another quote is such a field. (A value that truly starts with an escaped quote, {@code """x""
   * y"}, reads the same and is rejected too: rare, and the safe side.)
   */
  private Column strayQuote() {
    if (entity.source().format() != LandingSource.Format.CSV) {
      return lit(false);
    }
    Column any = lit(false);
    for (String name : entity.source().columnNames()) {
      Column value = col("`" + name + "`");
      any =
          any.or(
              coalesce(
                  value.startsWith("\"").and(value.substr(2, 1 << 20).contains("\"")), lit(false)));
    }
    return any;
  }

  /**
   * Text the landing file did not hold as UTF-8 was read with U+FFFD in place of the bad bytes; a
   * byte-order mark inside a file sticks to the first value of its line. Either leaves a value that
   * is not what the source meant, so the row is quarantined rather than guessed at.
   */
  private Rule badEncoding() {
    List<Column> broken = new ArrayList<>();
    for (String name : entity.source().columnNames()) {
      Column value = col("`" + name + "`");
      broken.add(when(value.contains("\uFFFD").or(value.contains("\uFEFF")), lit(name)));
    }
    Column columns = array_join(array_compact(array(broken.toArray(Column[]::new))), ", ");
    return Rule.of(
        QuarantineReason.BAD_ENCODING,
        columns.notEqual(""),
        Rule.detail("", columns, " not valid UTF-8 text"));
  }

  /**
   * Marks each valid row {@code accepted}, {@code duplicate} or {@code conflict} (rule L4), judging
   * deliveries in date order so that one backfill and a run per day give the same result:
   *
   * <ul>
   *   <li>usage events: the first delivery of an identity wins (by {@code _dt}, file, line);
   *   <li>versioned entities: the earliest delivery holding one content for an identity (or an
   *       earlier run's row) establishes it; later rows with that content are duplicates, rows with
   *       other content conflicts, and a delivery holding two contents is a conflict whole;
   *   <li>entities versioned by delivery: a delivery whose content differs from the previous
   *       delivery of the key is a new version, the same content a duplicate; two contents within
   *       one delivery are a conflict.
   * </ul>
   *
   * Within a delivery the first row (by file, line) of the accepted content is kept.
   */
  private Dataset<Row> deduplicate(Dataset<Row> valid, Dataset<Row> existing) {
    boolean byDelivery = entity.version() == null;
    Dataset<Row> keyed = valid;
    List<String> ids = new ArrayList<>();
    for (String name : entity.identity()) {
      keyed = keyed.withColumn("_id_" + name, SilverEntity.typed(name));
      ids.add("_id_" + name);
    }
    // Each identity once: a snapshot source repeats its identities in every delivery, and the semi
    // join may broadcast them (a month of SF10 accounts gave 295,545 rows, one per bronze row).
    keyed =
        keyed.join(
            previous(existing, byDelivery, keyed.select(columns(ids)).distinct()),
            seq(ids),
            "left");
    if (!entity.conflictsQuarantined()) {
      WindowSpec inDeliveryOrder =
          Window.partitionBy(columns(ids))
              .orderBy(col("_dt"), col("_source_file"), col("_row_number"));
      Column duplicate = col(SEEN_BEFORE).isNotNull().or(row_number().over(inDeliveryOrder).gt(1));
      return keyed.withColumn(OUTCOME, when(duplicate, DUPLICATE).otherwise(ACCEPTED));
    }
    List<String> idsAndDelivery = new ArrayList<>(ids);
    idsAndDelivery.add("_dt");
    Dataset<Row> deliveries =
        keyed
            .groupBy(columns(idsAndDelivery))
            .agg(
                size(collect_set(col(HASH))).as("_dt_contents"),
                min(col(HASH)).as("_dt_hash"),
                max(col("_existing_hash")).as("_existing_hash"));
    deliveries =
        byDelivery ? againstPreviousDelivery(deliveries, ids) : againstFirst(deliveries, ids);
    WindowSpec inFileOrder =
        Window.partitionBy(columns(idsAndDelivery))
            .orderBy(col("_source_file"), col("_row_number"));
    Column conflict =
        col("_dt_contents")
            .gt(1)
            .or(col("_reference").isNotNull().and(col("_reference").notEqual(col(HASH))));
    Column accepted = col("_establishes").and(row_number().over(inFileOrder).equalTo(1));
    // Joined by sorting, never broadcast: the planner sizes the deliveries from the cached judged
    // rows scaled to these few columns, which took the 5.9 million deliveries of an SF10 accounts
    // backfill for a small table and built a 1.3 GB hash table in a 2 GiB driver.
    return keyed
        .drop("_existing_hash")
        .join(
            deliveries
                .drop("_dt_hash", "_existing_hash", "_first_dt", "_first_hash", "_previous")
                .hint("merge"),
            seq(idsAndDelivery))
        .withColumn(
            OUTCOME, when(conflict, CONFLICT).when(accepted, ACCEPTED).otherwise(DUPLICATE));
  }

  /**
   * Versioned entities: each delivery is compared with the identity's established content, an
   * earlier run's row or else the earliest delivery holding a single content, which establishes it.
   */
  private static Dataset<Row> againstFirst(Dataset<Row> deliveries, List<String> ids) {
    WindowSpec perIdentity = Window.partitionBy(columns(ids));
    Column single = col("_dt_contents").equalTo(1);
    return deliveries
        .withColumn("_first_dt", min(when(single, col("_dt"))).over(perIdentity))
        .withColumn(
            "_first_hash",
            max(when(col("_dt").equalTo(col("_first_dt")), col("_dt_hash"))).over(perIdentity))
        .withColumn("_reference", coalesce(col("_existing_hash"), col("_first_hash")))
        .withColumn(
            "_establishes",
            col("_existing_hash")
                .isNull()
                .and(coalesce(col("_dt").equalTo(col("_first_dt")), lit(false))));
  }

  /**
   * Entities versioned by delivery: each delivery is compared with the key's previous delivery that
   * held a single content (or an earlier run's latest row), and is a new version when it differs.
   */
  private static Dataset<Row> againstPreviousDelivery(Dataset<Row> deliveries, List<String> ids) {
    WindowSpec before =
        Window.partitionBy(columns(ids))
            .orderBy(col("_dt"))
            .rowsBetween(Window.unboundedPreceding(), -1);
    Column previous =
        last(when(col("_dt_contents").equalTo(1), col("_dt_hash")), true).over(before);
    Column reference = coalesce(previous, col("_existing_hash"));
    return deliveries
        .withColumn("_previous", reference)
        .withColumn(
            "_establishes",
            col("_previous").isNull().or(col("_previous").notEqual(col("_dt_hash"))))
        // a new version differs from the previous one by design: only its own delivery can conflict
        .withColumn("_reference", lit(null).cast(StringType));
  }

  private static Column[] columns(List<String> names) {
    return names.stream().map(n -> col(n)).toArray(Column[]::new);
  }

  /**
   * Earlier runs' identities and content hashes, one row per identity of {@code batch} (its {@code
   * _id_<name>} columns): for entities versioned by delivery, the latest delivery of each key;
   * where conflicts are not quarantined, {@code _seen_before} instead of the hash. Only the batch's
   * identities are kept before anything else, so an incremental day shuffles and sorts its own
   * identities' history, not the whole table's.
   */
  private Dataset<Row> previous(Dataset<Row> existing, boolean byDelivery, Dataset<Row> batch) {
    List<Column> ids = new ArrayList<>();
    Column inBatch = lit(true);
    for (String name : entity.identity()) {
      ids.add(col(name).as("_id_" + name));
      inBatch = inBatch.and(existing.col(name).equalTo(batch.col("_id_" + name)));
    }
    // identities of versioned-by-delivery entities are their keys: whole key histories are kept
    Dataset<Row> rows =
        existing.join(fewIdentities ? broadcast(batch) : batch, inBatch, "left_semi");
    if (!entity.conflictsQuarantined()) {
      // Any earlier row makes a duplicate, whatever its content: reading the identities alone
      // spares a day the hashes of the whole table.
      return rows.select(ids.toArray(Column[]::new)).distinct().withColumn(SEEN_BEFORE, lit(true));
    }
    if (byDelivery) {
      rows =
          rows.withColumn("_latest", row_number().over(entity.newestFirst()))
              .where(col("_latest").equalTo(1));
    }
    ids.add(col(HASH).as("_existing_hash"));
    return rows.select(ids.toArray(Column[]::new));
  }

  /** The typed fields under their own names: the content the hash covers and silver stores. */
  private List<Column> typedFields() {
    return entity.fields().stream().map(f -> SilverEntity.typed(f.name()).as(f.name())).toList();
  }

  private Column[] acceptedColumns(String runId) {
    List<Column> columns = new ArrayList<>(typedFields());
    if (entity.eventTime() != null) {
      columns.add(to_date(SilverEntity.typed(entity.eventTime())).as(SilverEntity.EVENT_DATE));
    }
    columns.add(col(HASH));
    columns.add(col("_source_file"));
    columns.add(col("_row_number"));
    columns.add(col("_dt"));
    columns.add(lit(runId).as("_run_id"));
    return columns.toArray(Column[]::new);
  }

  private Column[] quarantineColumns(String runId) {
    Column raw =
        to_json(
            struct(
                entity.source().columnNames().stream()
                    .map(n -> col("`" + n + "`"))
                    .toArray(Column[]::new)));
    return new Column[] {
      // try_: the optimizer may evaluate this before the filter that keeps only rows with problems
      org.apache
          .spark
          .sql
          .functions
          .try_element_at(col(PROBLEMS), lit(1))
          .getField("reason")
          .as("reason"),
      array_join(transform(col(PROBLEMS), p -> p.getField("detail")), "; ").as("detail"),
      raw.as("raw"),
      col(LandingSource.CORRUPT_RECORD),
      col("_source_file"),
      col("_row_number"),
      col("_dt"),
      lit(runId).as("_run_id")
    };
  }
}
