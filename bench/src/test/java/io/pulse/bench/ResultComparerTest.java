package io.pulse.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.bench.ResultComparer.Columns;
import io.pulse.bench.ResultComparer.Outcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparer on three hand-made rows: "Spark's" side is a Parquet file (as the gold tables are
 * read), DuckDB's a table; each test changes one value or row of DuckDB's side.
 */
class ResultComparerTest {
  private static final Columns COLUMNS =
      new Columns(List.of("account_id", "month"), List.of("mrr", "segment"), List.of("ratio"));

  @TempDir Path dir;
  private DuckDbRunner duck;
  private ResultComparer comparer;

  @BeforeEach
  void threeRowsOnBothSides() throws Exception {
    duck = DuckDbRunner.open();
    comparer = new ResultComparer(duck.connection());
    duck.execute(
        "CREATE TABLE rows AS SELECT * FROM (VALUES"
            + " ('a1', DATE '2025-01-01', CAST(10.2500 AS DECIMAL(18,4)), 'smb', 0.5::DOUBLE),"
            + " ('a1', DATE '2025-02-01', CAST(12.0000 AS DECIMAL(18,4)), 'smb', NULL::DOUBLE),"
            + " ('a2', DATE '2025-01-01', CAST(99.9900 AS DECIMAL(18,4)), NULL, 1.25::DOUBLE))"
            + " AS t(account_id, month, mrr, segment, ratio)");
    Path parquet = dir.resolve("spark.parquet");
    duck.execute("COPY rows TO '" + parquet + "' (FORMAT parquet)");
    duck.execute("CREATE VIEW spark AS SELECT * FROM read_parquet('" + parquet + "')");
    duck.execute("CREATE TABLE duck AS SELECT * FROM rows");
  }

  @AfterEach
  void close() throws Exception {
    duck.close();
  }

  @Test
  void equalRowsAgreeNullsEqualNulls() throws Exception {
    Outcome outcome = comparer.compare("spark", "duck", COLUMNS, 5);

    assertTrue(outcome.agree(), outcome.first().toString());
    assertEquals(3, outcome.sparkRows());
    assertEquals(3, outcome.duckRows());
  }

  @Test
  void oneCentOffFails() throws Exception {
    duck.execute("UPDATE duck SET mrr = 99.9800 WHERE account_id = 'a2'");

    Outcome outcome = comparer.compare("spark", "duck", COLUMNS, 5);

    assertEquals(1, outcome.differences());
    assertEquals(
        List.of(
            "difference=differs, account_id=a2, month=2025-01-01, spark_mrr=99.9900,"
                + " duck_mrr=99.9800, spark_segment=null, duck_segment=null, spark_ratio=1.25,"
                + " duck_ratio=1.25"),
        outcome.first());
  }

  @Test
  void aMissingRowFails() throws Exception {
    duck.execute("DELETE FROM duck WHERE month = DATE '2025-02-01'");

    Outcome outcome = comparer.compare("spark", "duck", COLUMNS, 5);

    assertFalse(outcome.agree());
    assertEquals(1, outcome.differences());
    assertTrue(outcome.first().get(0).startsWith("difference=only in Spark, account_id=a1"));
  }

  @Test
  void aRatioOffByOneInATrillionAgrees() throws Exception {
    duck.execute("UPDATE duck SET ratio = ratio * (1 + 1e-12) WHERE account_id = 'a2'");

    assertTrue(comparer.compare("spark", "duck", COLUMNS, 5).agree());
  }

  @Test
  void aRatioOffByOneInAMillionOrNullOnOneSideFails() throws Exception {
    duck.execute("UPDATE duck SET ratio = ratio * (1 + 1e-6) WHERE account_id = 'a2'");
    duck.execute("UPDATE duck SET ratio = 0 WHERE month = DATE '2025-02-01'");

    assertEquals(2, comparer.compare("spark", "duck", COLUMNS, 5).differences());
  }

  @Test
  void aRepeatedKeyFails() throws Exception {
    duck.execute("INSERT INTO duck SELECT * FROM rows WHERE account_id = 'a2'");

    Outcome outcome = comparer.compare("spark", "duck", COLUMNS, 5);

    assertFalse(outcome.agree());
    assertEquals("1 rows repeat a key (account_id, month)", outcome.first().get(0));
  }
}
