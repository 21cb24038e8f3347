package io.pulse.jobs.silver;

import static io.pulse.common.spark.ColumnNames.seq;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.pulse.common.table.ColumnDef;
import io.pulse.jobs.ingest.LandingSource;
import java.util.ArrayList;
import java.util.List;
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
  static final String TYPED = "_t";
  private static final String PROBLEMS = "_problems";
  private static final String HASH = "_content_hash";

  private final SilverEntity entity;
  private final SilverSettings settings;

  public SilverTransform(SilverEntity entity, SilverSettings settings) {
    this.entity = entity;
    this.settings = settings;
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
   * @param bronze rows of {@code bronze.<source>}
   * @param knownAccounts {@code account_id, _known_from}: the first delivery date of each account
   *     (rule L3); used when the entity checks accounts
   * @param existing {@code silver.<name>} rows of other deliveries than {@code bronze}'s, whose
   *     identities a new row may repeat
   */
  public Outcome apply(
      Dataset<Row> bronze, Dataset<Row> knownAccounts, Dataset<Row> existing, String runId) {
    Dataset<Row> rows =
        bronze.withColumn(
            TYPED, struct(entity.fields().stream().map(Field::typed).toArray(Column[]::new)));
    if (entity.checksAccount()) {
      rows =
          rows.join(
              org.apache.spark.sql.functions.broadcast(
                  knownAccounts.withColumnRenamed("account_id", "_known_account")),
              org.apache.spark.sql.functions.trim(col("account_id")).equalTo(col("_known_account")),
              "left");
    }
    rows = rows.withColumn(PROBLEMS, problems()).withColumn(HASH, sha2(to_json(col(TYPED)), 256));
    Dataset<Row> invalid = rows.where(size(col(PROBLEMS)).gt(0));
    Dataset<Row> deduplicated = deduplicate(rows.where(size(col(PROBLEMS)).equalTo(0)), existing);
    Dataset<Row> accepted =
        deduplicated.where(col("_outcome").equalTo("accepted")).select(acceptedColumns(runId));
    Dataset<Row> conflicts =
        deduplicated
            .where(col("_outcome").equalTo("conflict"))
            .withColumn(
                PROBLEMS,
                array(
                    struct(
                        lit(QuarantineReason.CONFLICTING_DUPLICATE.code()).as("reason"),
                        lit(String.join(", ", entity.identity())
                                + " delivered with different content")
                            .as("detail"))));
    Dataset<Row> quarantined =
        invalid
            .select(quarantineColumns(runId))
            .unionByName(conflicts.select(quarantineColumns(runId)));
    Column outcome =
        when(col("_outcome").equalTo("conflict"), "quarantined").otherwise(col("_outcome"));
    Dataset<Row> outcomes =
        invalid
            .select(col("_dt"), lit("quarantined").as("_outcome"))
            .unionByName(deduplicated.select(col("_dt"), outcome.as("_outcome")));
    return new Outcome(accepted, quarantined, outcomes);
  }

  /** Every rule the row breaks, as {@code array<struct<reason, detail>>}, in rule order. */
  private Column problems() {
    List<Rule> rules = new ArrayList<>();
    Column corrupt = col(LandingSource.CORRUPT_RECORD).isNotNull();
    rules.add(
        Rule.of(QuarantineReason.UNPARSEABLE, corrupt, lit("bronze could not parse the record")));
    for (Field field : entity.fields()) {
      for (Rule rule : field.violations()) {
        // A record bronze could not parse says one thing only: that it is unparseable.
        rules.add(
            new Rule(rule.reason(), rule.violated().and(corrupt.unary_$bang()), rule.detail()));
      }
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
   * Marks each valid row {@code accepted}, {@code duplicate} or {@code conflict}: within the batch
   * the first delivery of an identity (by {@code _dt}, file, line) wins; a row repeating an
   * existing identity is a duplicate when its content is equal, a conflict when not.
   */
  private Dataset<Row> deduplicate(Dataset<Row> valid, Dataset<Row> existing) {
    // Without a version column a later delivery with other content is a new version (the latest
    // delivery wins); conflicts are then only told within one delivery.
    boolean versionedByDelivery = entity.version() == null && entity.conflictsQuarantined();
    Dataset<Row> keyed = valid;
    List<Column> ids = new ArrayList<>();
    for (String name : entity.identity()) {
      keyed = keyed.withColumn("_id_" + name, SilverEntity.typed(name));
      ids.add(col("_id_" + name));
    }
    List<Column> conflictScope = new ArrayList<>(ids);
    List<Column> duplicateScope = new ArrayList<>(ids);
    if (versionedByDelivery) {
      conflictScope.add(col("_dt"));
      duplicateScope.add(col(HASH));
    }
    WindowSpec inDeliveryOrder =
        Window.partitionBy(duplicateScope.toArray(Column[]::new))
            .orderBy(col("_dt"), col("_source_file"), col("_row_number"));
    WindowSpec conflictWindow = Window.partitionBy(conflictScope.toArray(Column[]::new));
    keyed =
        keyed
            .withColumn("_contents", size(collect_set(col(HASH)).over(conflictWindow)))
            .withColumn("_delivery_rank", row_number().over(inDeliveryOrder));
    List<String> joinKeys = entity.identity().stream().map(n -> "_id_" + n).toList();
    keyed = keyed.join(previous(existing, versionedByDelivery), seq(joinKeys), "left");
    Column existingDiffers =
        col("_existing_hash").isNotNull().and(col("_existing_hash").notEqual(col(HASH)));
    Column conflict =
        entity.conflictsQuarantined()
            ? col("_contents").gt(1).or(versionedByDelivery ? lit(false) : existingDiffers)
            : lit(false);
    Column repeatsExisting =
        versionedByDelivery
            ? col("_existing_hash").equalTo(col(HASH))
            : col("_existing_hash").isNotNull();
    Column duplicate = col("_delivery_rank").gt(1).or(coalesce(repeatsExisting, lit(false)));
    return keyed.withColumn(
        "_outcome", when(conflict, "conflict").when(duplicate, "duplicate").otherwise("accepted"));
  }

  /**
   * Earlier deliveries' identities and content hashes, one row per identity: for entities versioned
   * by delivery, the latest delivery of each key.
   */
  private Dataset<Row> previous(Dataset<Row> existing, boolean versionedByDelivery) {
    List<Column> columns = new ArrayList<>();
    for (String name : entity.identity()) {
      columns.add(col(name).as("_id_" + name));
    }
    columns.add(col(HASH).as("_existing_hash"));
    Dataset<Row> rows = existing;
    if (versionedByDelivery) {
      rows =
          rows.withColumn("_latest", row_number().over(entity.newestFirst()))
              .where(col("_latest").equalTo(1));
    }
    return rows.select(columns.toArray(Column[]::new));
  }

  private Column[] acceptedColumns(String runId) {
    List<Column> columns = new ArrayList<>();
    for (Field f : entity.fields()) {
      columns.add(SilverEntity.typed(f.name()).as(f.name()));
    }
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
      col(PROBLEMS).getItem(0).getField("reason").as("reason"),
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
