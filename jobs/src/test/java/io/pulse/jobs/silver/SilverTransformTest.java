package io.pulse.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.ingest.LandingSource;
import io.pulse.jobs.ingest.LandingSources;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Every silver rule on hand-made bronze subscription rows, one rule broken per row. */
@SparkTest
class SilverTransformTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final LandingSource SOURCE = LandingSources.SUBSCRIPTIONS;
  private static final SilverSettings SETTINGS =
      new SilverSettings(List.of("USD", "EUR", "GBP", "JPY"), 1, true, 1);
  private static final String[] HEADER = {
    "subscription_id", "account_id", "plan_id", "currency", "billing_interval", "quantity",
    "unit_price", "discount_pct", "is_trial", "valid_from", "valid_to", "updated_at"
  };
  private static final String[] GOOD = {
    "S1",
    "A001",
    "P1",
    "USD",
    "month",
    "10",
    "10.5",
    "",
    "false",
    "2026-01-01T00:00:00Z",
    "",
    "2026-01-04T12:00:00+01:00"
  };

  /** GOOD with some columns replaced: {@code "column", "value", …}. */
  private static String[] with(String... changes) {
    String[] row = GOOD.clone();
    for (int i = 0; i < changes.length; i += 2) {
      row[Arrays.asList(HEADER).indexOf(changes[i])] = changes[i + 1];
    }
    return row;
  }

  private static Dataset<Row> bronze(
      String dt, List<String[]> values, Map<Integer, String> corrupt) {
    return BronzeFixture.rows(SOURCE, dt, values, corrupt);
  }

  private static Dataset<Row> knownAccounts() {
    return BronzeFixture.knownAccounts();
  }

  private static final SilverTransform TRANSFORM =
      new SilverTransform(SilverEntities.SUBSCRIPTIONS, SETTINGS);

  /** GOOD alone, delivered on 2026-01-05 before any silver row. */
  private static SilverTransform.Outcome goodRowJudged() {
    return TRANSFORM.apply(
        bronze("2026-01-05", List.<String[]>of(GOOD), Map.of()),
        knownAccounts(),
        noSilverYet(),
        "r1");
  }

  private static Dataset<Row> noSilverYet() {
    return BronzeFixture.noSilverYet(SilverEntities.SUBSCRIPTIONS);
  }

  @Test
  void eachBrokenRuleQuarantinesItsRowWithItsReason() {
    List<String[]> rows =
        List.<String[]>of(
            GOOD,
            with("subscription_id", "S2"), // line 2: unparseable (corrupt record below)
            with("subscription_id", "S3", "plan_id", ""),
            with("subscription_id", "S4", "quantity", "ten"),
            with("subscription_id", "S5", "valid_from", "2026-01-01T00:00:00"),
            with("subscription_id", "S6", "billing_interval", "weekly"),
            with("subscription_id", "S7", "quantity", "-1"),
            with("subscription_id", "S8", "discount_pct", "120"),
            with("subscription_id", "S9", "valid_to", "2025-12-31T00:00:00Z"),
            with("subscription_id", "S10", "currency", "XYZ"),
            with("subscription_id", "S11", "updated_at", "2026-01-07T00:00:01Z"),
            with("subscription_id", "S12", "updated_at", "2026-01-07T00:00:00Z"),
            with("subscription_id", "S13", "account_id", "A999"),
            with("subscription_id", "S14", "account_id", "A002"),
            with("subscription_id", "S15", "is_trial", "maybe"));

    SilverTransform.Outcome outcome =
        TRANSFORM.apply(
            bronze("2026-01-05", rows, Map.of(2, "S2,broken\"")),
            knownAccounts(),
            noSilverYet(),
            "r1");

    StructType reasons =
        new StructType().add("_row_number", DataTypes.LongType).add("reason", DataTypes.StringType);
    Frames.assertSameRows(
        spark.createDataFrame(
            List.of(
                RowFactory.create(2L, "unparseable"),
                RowFactory.create(3L, "missing_required"),
                RowFactory.create(4L, "bad_type"),
                RowFactory.create(5L, "bad_timestamp"),
                RowFactory.create(6L, "bad_enum"),
                RowFactory.create(7L, "out_of_range"),
                RowFactory.create(8L, "out_of_range"),
                RowFactory.create(9L, "invalid_period"),
                RowFactory.create(10L, "unknown_currency"),
                RowFactory.create(11L, "future_timestamp"),
                RowFactory.create(13L, "unknown_account"),
                RowFactory.create(14L, "unknown_account"),
                RowFactory.create(15L, "bad_type")),
            reasons),
        outcome.quarantined().select(col("_row_number"), col("reason")));
    assertEquals(
        List.of("S1", "S12"),
        outcome
            .accepted()
            .orderBy("_row_number")
            .select("subscription_id")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList());
  }

  /**
   * The content hash is SHA-256 of the typed row as JSON (nulls left out, UTC times). Rows of
   * earlier runs are compared by it, so a change of its text would turn every redelivered row of an
   * existing warehouse into a conflict: this pins it.
   */
  @Test
  void theContentHashIsSha256OfTheTypedRowAsJson() throws Exception {
    String json =
        "{\"subscription_id\":\"S1\",\"account_id\":\"A001\",\"plan_id\":\"P1\","
            + "\"currency\":\"USD\",\"billing_interval\":\"month\",\"quantity\":10,"
            + "\"unit_price\":10.5000,\"is_trial\":false,"
            + "\"valid_from\":\"2026-01-01T00:00:00.000Z\","
            + "\"updated_at\":\"2026-01-04T11:00:00.000Z\"}";
    String expected =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    SilverTransform.Outcome outcome = goodRowJudged();

    assertEquals(expected, outcome.accepted().first().getAs("_content_hash"));
  }

  @Test
  void anAcceptedRowIsTypedInUtc() {
    SilverTransform.Outcome outcome = goodRowJudged();

    StructType schema =
        new StructType()
            .add("quantity", DataTypes.IntegerType)
            .add("unit_price", new DecimalType(18, 4))
            .add("discount_pct", new DecimalType(18, 4))
            .add("is_trial", DataTypes.BooleanType)
            .add("valid_from", DataTypes.TimestampType)
            .add("valid_to", DataTypes.TimestampType)
            .add("updated_at", DataTypes.TimestampType);
    Frames.assertSameRows(
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    10,
                    new BigDecimal("10.5000"),
                    null,
                    false,
                    Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")),
                    null,
                    Timestamp.from(Instant.parse("2026-01-04T11:00:00Z")))),
            schema),
        outcome
            .accepted()
            .select(
                "quantity",
                "unit_price",
                "discount_pct",
                "is_trial",
                "valid_from",
                "valid_to",
                "updated_at"));
  }

  @Test
  void duplicatesAreDroppedAndConflictingDuplicatesQuarantined() {
    Dataset<Row> earlier =
        TRANSFORM
            .apply(
                bronze(
                    "2026-01-04",
                    List.of(with("subscription_id", "S3"), with("subscription_id", "S4")),
                    Map.of()),
                knownAccounts(),
                noSilverYet(),
                "r0")
            .accepted();
    List<String[]> rows =
        List.<String[]>of(
            GOOD,
            GOOD, // same identity, same content: a duplicate
            with("subscription_id", "S2", "quantity", "5"),
            with("subscription_id", "S2", "quantity", "6"), // same identity, other content
            with("subscription_id", "S3"), // repeats an earlier delivery exactly
            with("subscription_id", "S4", "quantity", "99")); // contradicts an earlier delivery

    Dataset<Row> delivered = bronze("2026-01-05", rows, Map.of());
    SilverTransform.Outcome outcome = TRANSFORM.apply(delivered, knownAccounts(), earlier, "r1");

    assertEquals(
        List.of(1L),
        outcome
            .accepted()
            .select("_row_number")
            .as(org.apache.spark.sql.Encoders.LONG())
            .collectAsList());
    StructType reasons =
        new StructType().add("_row_number", DataTypes.LongType).add("reason", DataTypes.StringType);
    Frames.assertSameRows(
        spark.createDataFrame(
            List.of(
                RowFactory.create(3L, "conflicting_duplicate"),
                RowFactory.create(4L, "conflicting_duplicate"),
                RowFactory.create(6L, "conflicting_duplicate")),
            reasons),
        outcome.quarantined().select(col("_row_number"), col("reason")));
  }

  /** Row identities {@code _dt/_row_number} of a frame, sorted. */
  private static List<String> lines(Dataset<Row> rows) {
    return rows
        .selectExpr("concat(cast(_dt AS string), '/', cast(_row_number AS string))")
        .as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList()
        .stream()
        .sorted()
        .toList();
  }

  @Test
  void aBackfillJudgesDeliveriesInOrderLikeOneRunPerDay() {
    Dataset<Row> day1 = bronze("2026-01-04", List.<String[]>of(GOOD), Map.of());
    Dataset<Row> day2 =
        bronze(
            "2026-01-05",
            List.of(
                GOOD, // line 1: repeats day 1: duplicate
                with("subscription_id", "S2", "quantity", "5"), // lines 2-3: two contents for
                with("subscription_id", "S2", "quantity", "6")), // one identity: both conflict
            Map.of());
    Dataset<Row> day3 =
        bronze(
            "2026-01-06",
            List.of(
                with("quantity", "99"), // line 1: contradicts day 1's S1: conflict
                with("subscription_id", "S2", "quantity", "5")), // line 2: first single content
            Map.of());

    SilverTransform.Outcome backfill =
        TRANSFORM.apply(day1.union(day2).union(day3), knownAccounts(), noSilverYet(), "r1");
    Dataset<Row> accepted1 = TRANSFORM.apply(day1, knownAccounts(), noSilverYet(), "r1").accepted();
    SilverTransform.Outcome run2 = TRANSFORM.apply(day2, knownAccounts(), accepted1, "r2");
    SilverTransform.Outcome run3 =
        TRANSFORM.apply(day3, knownAccounts(), accepted1.union(run2.accepted()), "r3");

    List<String> accepted = List.of("2026-01-04/1", "2026-01-06/2");
    List<String> quarantined = List.of("2026-01-05/2", "2026-01-05/3", "2026-01-06/1");
    assertEquals(accepted, lines(backfill.accepted()));
    assertEquals(quarantined, lines(backfill.quarantined()));
    assertEquals(accepted, lines(accepted1.union(run2.accepted()).union(run3.accepted())));
    assertEquals(quarantined, lines(run2.quarantined().union(run3.quarantined())));
  }

  @Test
  void aKeyVersionedByDeliveryMayReturnToAnEarlierContent() {
    SilverTransform plans = new SilverTransform(SilverEntities.PLANS, SETTINGS);
    java.util.function.BiFunction<String, String, Dataset<Row>> plan =
        (dt, price) ->
            BronzeFixture.rows(
                LandingSources.PLANS,
                dt,
                List.<String[]>of(
                    new String[] {"P1", "Pro", "pulse", "pro", "month", price, "USD", "true"}),
                Map.of());
    // 10 → 10 (duplicate) → 20 (new version) → 10 (new version again, not a duplicate of day 1)
    Dataset<Row> deliveries =
        plan.apply("2026-01-04", "10")
            .union(plan.apply("2026-01-05", "10"))
            .union(plan.apply("2026-01-06", "20"))
            .union(plan.apply("2026-01-07", "10"));

    SilverTransform.Outcome outcome =
        plans.apply(
            deliveries, knownAccounts(), BronzeFixture.noSilverYet(SilverEntities.PLANS), "r1");

    assertEquals(
        List.of("2026-01-04/1", "2026-01-06/1", "2026-01-07/1"), lines(outcome.accepted()));
    assertEquals(0L, outcome.quarantined().count());
  }

  @Test
  void reconciliationCountsEveryBronzeRowOnce() {
    List<String[]> rows =
        List.<String[]>of(GOOD, GOOD, with("subscription_id", "S2", "quantity", "x"));
    Dataset<Row> delivered = bronze("2026-01-05", rows, Map.of());
    SilverTransform.Outcome outcome =
        TRANSFORM.apply(delivered, knownAccounts(), noSilverYet(), "r1");

    Row balance = Reconciliation.of("subscriptions", delivered, outcome.outcomes(), "r1").first();

    assertEquals(
        List.of(3L, 1L, 1L, 1L, true),
        List.of(
            balance.getAs("bronze_rows"),
            balance.getAs("accepted_rows"),
            balance.getAs("quarantined_rows"),
            balance.getAs("duplicate_rows"),
            balance.getAs("is_balanced")));
  }
}
