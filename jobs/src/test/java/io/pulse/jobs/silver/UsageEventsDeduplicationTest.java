package io.pulse.jobs.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.testing.SparkTest;
import io.pulse.common.testing.SparkTestSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rule L4 for usage events across runs: an event whose id an earlier run accepted is a duplicate,
 * whatever its content, and a day's run finds those ids without shuffling the earlier events.
 */
@SparkTest
class UsageEventsDeduplicationTest {
  private static final SparkSession spark = SparkTestSession.get();
  private static final SilverEntity EVENTS = SilverEntities.USAGE_EVENTS;
  private static final SilverSettings SETTINGS =
      new SilverSettings(List.of("USD", "EUR"), 1, true, 1);

  @TempDir Path dir;

  private static String[] event(String id, String feature, String at) {
    return new String[] {id, "A001", "U1", "login", feature, at, ""};
  }

  /** Day 1 accepted E1 (search) and E2: silver as the run of day 2 finds it, read from Parquet. */
  private Dataset<Row> earlierRun() {
    String at = "2026-01-05T10:00:00Z";
    Dataset<Row> day1 =
        BronzeFixture.rows(
            EVENTS.source(),
            "2026-01-05",
            List.<String[]>of(event("E1", "search", at), event("E2", "", at)),
            Map.of());
    String path = dir.resolve("silver_usage_events").toString();
    new SilverTransform(EVENTS, SETTINGS)
        .apply(day1, BronzeFixture.knownAccounts(), BronzeFixture.noSilverYet(EVENTS), "r1")
        .accepted()
        .write()
        .parquet(path);
    return spark.read().parquet(path);
  }

  /**
   * Day 2 delivers E1 again with another feature (line 1), E3 twice (lines 2, 3) and E2 as before
   * (line 4).
   */
  private static Dataset<Row> day2() {
    String at = "2026-01-06T09:00:00Z";
    return BronzeFixture.rows(
        EVENTS.source(),
        "2026-01-06",
        List.<String[]>of(
            event("E1", "export", "2026-01-05T10:00:00Z"),
            event("E3", "", at),
            event("E3", "", at),
            event("E2", "", "2026-01-05T10:00:00Z")),
        Map.of());
  }

  @ParameterizedTest(name = "identities broadcast: {0}")
  @ValueSource(booleans = {true, false})
  void anEventAnEarlierRunAcceptedIsADuplicateWhateverItsContent(boolean fewIdentities) {
    SilverTransform.Outcome outcome =
        new SilverTransform(EVENTS, SETTINGS, fewIdentities)
            .apply(day2(), BronzeFixture.knownAccounts(), earlierRun(), "r2");

    assertEquals(
        List.of("2|E3"),
        outcome
            .accepted()
            .selectExpr("concat(_row_number, '|', event_id)")
            .as(Encoders.STRING())
            .collectAsList());
    assertEquals(0, outcome.quarantined().count());
    assertEquals(
        List.of("accepted 1", "duplicate 3"),
        outcome
            .outcomes()
            .groupBy("_outcome")
            .count()
            .selectExpr("concat(_outcome, ' ', count) AS o")
            .orderBy("o")
            .as(Encoders.STRING())
            .collectAsList());
  }

  /**
   * With planner broadcasts off, only the hint can broadcast: a day's ids meet the earlier events
   * in a broadcast semi join, and of those events only the ids are read, not their content hashes.
   */
  @Test
  void aDaysIdsAreBroadcastAndTheEarlierEventsScannedForTheirIdsAlone() {
    String threshold = spark.conf().get("spark.sql.autoBroadcastJoinThreshold");
    spark.conf().set("spark.sql.autoBroadcastJoinThreshold", "-1");
    try {
      String plan =
          new SilverTransform(EVENTS, SETTINGS, true)
              .apply(day2(), BronzeFixture.knownAccounts(), earlierRun(), "r2")
              .accepted()
              .queryExecution()
              .executedPlan()
              .toString();

      // the lookup itself, not the known accounts' join, which is always broadcast
      assertTrue(
          Pattern.compile("BroadcastHashJoin \\[[^]]*], \\[[^]]*], LeftSemi").matcher(plan).find(),
          plan);
      assertTrue(plan.contains("ReadSchema: struct<event_id:string>"), plan);
    } finally {
      spark.conf().set("spark.sql.autoBroadcastJoinThreshold", threshold);
    }
  }
}
