package io.pulse.jobs.revenue;

import static io.pulse.jobs.revenue.RevenueFixture.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.testing.Frames;
import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.common.testing.TestDirs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * gold.dim_account as SCD type 2, from hand-made CRM snapshots; every expected version is read off
 * the snapshots by hand (a version opens when a tracked attribute changes).
 */
@SparkTest
class DimAccountTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final String CREATED = "2025-06-01T00:00:00Z";

  /** An account's attributes up to created_at: those that vary in these tests, the rest fixed. */
  private static List<Object> account(
      String account, String segment, String owner, String industry) {
    return new ArrayList<>(
        Arrays.asList(
            account, "Name " + account, null, segment, industry, "emea", "DE", owner, ts(CREATED)));
  }

  /** A CRM snapshot of the account, updated at {@code updatedAt}. */
  private static Row crm(
      String account, String segment, String owner, String industry, String updatedAt) {
    List<Object> values = account(account, segment, owner, industry);
    values.add(ts(updatedAt));
    return RowFactory.create(values.toArray());
  }

  private static Dataset<Row> snapshots(List<Row> rows) {
    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("account_name", DataTypes.StringType)
            .add("parent_account_id", DataTypes.StringType)
            .add("segment", DataTypes.StringType)
            .add("industry", DataTypes.StringType)
            .add("region", DataTypes.StringType)
            .add("country", DataTypes.StringType)
            .add("csm_owner", DataTypes.StringType)
            .add("created_at", DataTypes.TimestampType)
            .add("updated_at", DataTypes.TimestampType);
    return spark.createDataFrame(rows, schema);
  }

  /** An expected dim_account row: the account's version valid from..to (null: current). */
  private static Row version(
      String account, String segment, String owner, String industry, String from, String to) {
    List<Object> values = account(account, segment, owner, industry);
    values.addAll(Arrays.asList(ts(from), to == null ? null : ts(to), to == null));
    return RowFactory.create(values.toArray());
  }

  private static Dataset<Row> expected(Row... rows) {
    return spark.createDataFrame(List.of(rows), RevenueTables.DIM_ACCOUNT.schema());
  }

  /** C1-C3: the snapshots of the first test. */
  private static List<Row> history() {
    return List.of(
        // C1: Jan 1 smb/alice; Jan 15 the same values again (a re-snapshot: no new version);
        // Feb 1 segment -> mid_market (new version); Mar 1 12:00 owner -> bob (new version);
        // Apr 1 the same as Mar 1 (no new version).
        crm("C1", "smb", "alice", "retail", "2026-01-01T00:00:00Z"),
        crm("C1", "smb", "alice", "retail", "2026-01-15T00:00:00Z"),
        crm("C1", "mid_market", "alice", "retail", "2026-02-01T00:00:00Z"),
        crm("C1", "mid_market", "bob", "retail", "2026-03-01T12:00:00Z"),
        crm("C1", "mid_market", "bob", "retail", "2026-04-01T00:00:00Z"),
        // C2: industry null twice (null = null: no change), then null -> saas (a change).
        crm("C2", "smb", "carol", null, "2026-01-05T00:00:00Z"),
        crm("C2", "smb", "carol", null, "2026-02-05T00:00:00Z"),
        crm("C2", "smb", "carol", "saas", "2026-03-05T00:00:00Z"),
        // C3: smb -> enterprise -> smb: a value coming back is a new version, not the old one.
        crm("C3", "smb", "dave", "retail", "2026-01-10T00:00:00Z"),
        crm("C3", "enterprise", "dave", "retail", "2026-02-10T00:00:00Z"),
        crm("C3", "smb", "dave", "retail", "2026-03-10T00:00:00Z"));
  }

  @Test
  void aVersionOpensOnlyWhenATrackedAttributeChanges() {
    Frames.assertSameRows(
        expected(
            // C1: 5 snapshots -> 3 versions; each valid_to is the next version's valid_from.
            version("C1", "smb", "alice", "retail", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"),
            version(
                "C1",
                "mid_market",
                "alice",
                "retail",
                "2026-02-01T00:00:00Z",
                "2026-03-01T12:00:00Z"),
            version("C1", "mid_market", "bob", "retail", "2026-03-01T12:00:00Z", null),
            // C2: 3 snapshots -> 2 versions; the first lasts from its first snapshot (Jan 5).
            version("C2", "smb", "carol", null, "2026-01-05T00:00:00Z", "2026-03-05T00:00:00Z"),
            version("C2", "smb", "carol", "saas", "2026-03-05T00:00:00Z", null),
            // C3: 3 snapshots -> 3 versions.
            version("C3", "smb", "dave", "retail", "2026-01-10T00:00:00Z", "2026-02-10T00:00:00Z"),
            version(
                "C3",
                "enterprise",
                "dave",
                "retail",
                "2026-02-10T00:00:00Z",
                "2026-03-10T00:00:00Z"),
            version("C3", "smb", "dave", "retail", "2026-03-10T00:00:00Z", null)),
        DimAccount.of(snapshots(history())));
  }

  /** D1's snapshots known on the first run: Jan 1 smb, Mar 1 mid_market. */
  private static List<Row> firstRun() {
    return List.of(
        crm("D1", "smb", "erin", "retail", "2026-01-01T00:00:00Z"),
        crm("D1", "mid_market", "erin", "retail", "2026-03-01T00:00:00Z"),
        crm("D2", "enterprise", "fred", "retail", "2026-01-01T00:00:00Z"));
  }

  /**
   * The second run knows two late (restated) rows: D1 Feb 1 mid_market, which moves the segment
   * change from Mar 1 back to Feb 1 (so the Mar 1 snapshot no longer opens a version), and D2 Feb 1
   * with fred -> gina, a new version inside the history.
   */
  private static List<Row> secondRun() {
    List<Row> rows = new ArrayList<>(firstRun());
    rows.add(crm("D1", "mid_market", "erin", "retail", "2026-02-01T00:00:00Z"));
    rows.add(crm("D2", "enterprise", "gina", "retail", "2026-02-01T00:00:00Z"));
    return rows;
  }

  @Test
  void mergeFollowsRestatedHistoryAndARerunChangesNothing() {
    String location = TestDirs.unique("dim-account").resolve("dim_account").toUri().toString();
    spark
        .createDataFrame(List.of(), RevenueTables.DIM_ACCOUNT.schema())
        .write()
        .format("delta")
        .save(location);

    Dataset<Row> afterFirst =
        expected(
            version("D1", "smb", "erin", "retail", "2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z"),
            version("D1", "mid_market", "erin", "retail", "2026-03-01T00:00:00Z", null),
            version("D2", "enterprise", "fred", "retail", "2026-01-01T00:00:00Z", null));
    Map<String, Long> first =
        DimAccount.merge(spark, location, DimAccount.of(snapshots(firstRun())));
    assertEquals(Map.of("inserted", 3L, "updated", 0L, "deleted", 0L), first);
    Frames.assertSameRows(afterFirst, table(location));

    // The same input again: every row matches unchanged, so nothing is written or duplicated.
    Map<String, Long> rerun =
        DimAccount.merge(spark, location, DimAccount.of(snapshots(firstRun())));
    assertEquals(Map.of("inserted", 0L, "updated", 0L, "deleted", 0L), rerun);
    Frames.assertSameRows(afterFirst, table(location));

    // Restated: D1 = Jan 1 smb [Jan 1, Feb 1) (updated: valid_to Mar 1 -> Feb 1), Feb 1
    // mid_market open (inserted), Mar 1 gone (deleted: same values as Feb 1);
    // D2 = Jan 1 fred [Jan 1, Feb 1) (updated: closed), Feb 1 gina open (inserted).
    // Inserted 2, updated 2, deleted 1.
    Dataset<Row> afterSecond =
        expected(
            version("D1", "smb", "erin", "retail", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"),
            version("D1", "mid_market", "erin", "retail", "2026-02-01T00:00:00Z", null),
            version(
                "D2",
                "enterprise",
                "fred",
                "retail",
                "2026-01-01T00:00:00Z",
                "2026-02-01T00:00:00Z"),
            version("D2", "enterprise", "gina", "retail", "2026-02-01T00:00:00Z", null));
    Map<String, Long> second =
        DimAccount.merge(spark, location, DimAccount.of(snapshots(secondRun())));
    assertEquals(Map.of("inserted", 2L, "updated", 2L, "deleted", 1L), second);
    Frames.assertSameRows(afterSecond, table(location));
    assertEquals(List.of(), RevenueChecks.dimAccountViolations(table(location)));

    // Rerunning the second date: the same table, no duplicate versions.
    Map<String, Long> secondRerun =
        DimAccount.merge(spark, location, DimAccount.of(snapshots(secondRun())));
    assertEquals(Map.of("inserted", 0L, "updated", 0L, "deleted", 0L), secondRerun);
    Frames.assertSameRows(afterSecond, table(location));
  }

  @Test
  void checksCatchDuplicatesOverlapsGapsAndTwoCurrentRows() {
    assertEquals(
        List.of(), RevenueChecks.dimAccountViolations(DimAccount.of(snapshots(history()))));
    Dataset<Row> broken =
        expected(
            // E1: the first version runs past the second's start (overlap)
            version("E1", "smb", "x", "retail", "2026-01-01T00:00:00Z", "2026-02-15T00:00:00Z"),
            version("E1", "smb", "y", "retail", "2026-02-01T00:00:00Z", null),
            // E2: two open, current versions
            version("E2", "smb", "x", "retail", "2026-01-01T00:00:00Z", null),
            version("E2", "smb", "y", "retail", "2026-02-01T00:00:00Z", null),
            // E3: its first version twice (the copy also starts where the first ends)
            version("E3", "smb", "x", "retail", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"),
            version("E3", "smb", "x", "retail", "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"),
            version("E3", "smb", "y", "retail", "2026-02-01T00:00:00Z", null));
    // E1's first row overlaps (valid_to Feb 15 != next valid_from Feb 1); E2's first row is
    // open although a later version follows; E3's first row is followed by its copy.
    assertEquals(
        List.of(
            "more than one row for account_id|valid_from, 1 key: E3|2026-01-01 00:00:00",
            "dim_account versions overlap or leave a gap for account_id|valid_from, 3 keys:"
                + " E1|2026-01-01 00:00:00, E3|2026-01-01 00:00:00",
            "not exactly one current dim_account row for account_id, 1 key: E2"),
        RevenueChecks.dimAccountViolations(broken));
  }

  private static Dataset<Row> table(String location) {
    return spark.read().format("delta").load(location);
  }
}
