package io.pulse.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.testing.SparkTest;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

/** The entity-specific rules of surveys, tickets, invoices and success plans, a row each. */
@SparkTest
class SilverRulesTest {
  private static final SilverSettings SETTINGS =
      new SilverSettings(List.of("USD", "EUR"), 1, true, 1);

  /**
   * {@code line:reason} of each quarantined row, in line order; accepted lines as {@code line:ok}.
   */
  private static List<String> outcomes(SilverEntity entity, List<String[]> rows) {
    SilverTransform.Outcome outcome = transform(entity, rows);
    return outcome
        .quarantined()
        .select(col("_row_number"), col("reason"))
        .unionByName(
            outcome
                .accepted()
                .select(col("_row_number"))
                .withColumn("reason", org.apache.spark.sql.functions.lit("ok")))
        .orderBy("_row_number")
        .selectExpr("concat(_row_number, ':', reason)")
        .as(Encoders.STRING())
        .collectAsList();
  }

  /** The entity's transform of {@code rows}, delivered on 2026-01-05 before any silver row. */
  private static SilverTransform.Outcome transform(SilverEntity entity, List<String[]> rows) {
    return new SilverTransform(entity, SETTINGS)
        .apply(
            BronzeFixture.rows(entity.source(), "2026-01-05", rows, Map.of()),
            BronzeFixture.knownAccounts(),
            BronzeFixture.noSilverYet(entity),
            "r");
  }

  @Test
  void surveyScoresStayOnTheirScaleAndMayBeEmpty() {
    String at = "2026-01-05T10:00:00Z";
    List<String[]> rows =
        List.<String[]>of(
            new String[] {"R1", "A001", "C1", "nps", "0", "", at, ""},
            new String[] {"R2", "A001", "C1", "nps", "10", "great", at, ""},
            new String[] {"R3", "A001", "C1", "nps", "11", "", at, ""},
            new String[] {"R4", "A001", "C1", "csat", "0", "", at, "T1"},
            new String[] {"R5", "A001", "C1", "csat", "5", "", at, "T1"},
            new String[] {"R6", "A001", "C1", "ces", "7", "", at, ""},
            new String[] {"R7", "A001", "C1", "ces", "8", "", at, ""},
            new String[] {"R8", "A001", "C1", "csat", "", "", at, ""},
            new String[] {"R9", "A001", "C1", "poll", "3", "", at, ""});

    assertEquals(
        List.of(
            "1:ok",
            "2:ok",
            "3:out_of_range",
            "4:out_of_range",
            "5:ok",
            "6:ok",
            "7:out_of_range",
            "8:ok",
            "9:bad_enum"),
        outcomes(SilverEntities.SURVEYS, rows));
  }

  @Test
  void ticketEnumsAndCountsAreChecked() {
    String at = "2026-01-05T10:00:00Z";
    List<String[]> rows =
        List.<String[]>of(
            new String[] {
              "T1", "A001", "C1", "urgent", "on_hold", "email", "Export fails", at, "", "", "0", at
            },
            new String[] {
              "T2", "A001", "C1", "critical", "open", "email", "x", at, "", "", "0", at
            },
            new String[] {
              "T3", "A001", "C1", "low", "escalated", "email", "x", at, "", "", "0", at
            },
            new String[] {"T4", "A001", "C1", "low", "open", "email", "x", at, "", "", "-2", at},
            // answered and solved before it was opened
            new String[] {
              "T5",
              "A001",
              "C1",
              "low",
              "open",
              "email",
              "x",
              at,
              "2026-01-05T09:59:59Z",
              "",
              "0",
              at
            },
            new String[] {
              "T6",
              "A001",
              "C1",
              "low",
              "solved",
              "email",
              "x",
              at,
              at,
              "2026-01-05T09:00:00Z",
              "0",
              at
            },
            // answered the instant it was opened: fine
            new String[] {"T7", "A001", "C1", "low", "open", "email", "x", at, at, "", "0", at});

    assertEquals(
        List.of(
            "1:ok",
            "2:bad_enum",
            "3:bad_enum",
            "4:out_of_range",
            "5:invalid_period",
            "6:invalid_period",
            "7:ok"),
        outcomes(SilverEntities.TICKETS, rows));
  }

  @Test
  void textThatWasNotUtf8AndStrayByteOrderMarksAreQuarantined() {
    String at = "2026-01-05T10:00:00Z";
    List<String[]> rows =
        List.<String[]>of(
            new String[] {
              "T1", "A001", "C1", "low", "open", "email", "Caf\u00e9 menu", at, "", "", "0", at
            },
            new String[] {
              "T2", "A001", "C1", "low", "open", "email", "Caf\uFFFD(", at, "", "", "0", at
            },
            new String[] {
              "\uFEFFT3", "A001", "C1", "low", "open", "email", "x", at, "", "", "0", at
            });

    assertEquals(
        List.of("1:ok", "2:bad_encoding", "3:bad_encoding"),
        outcomes(SilverEntities.TICKETS, rows));
  }

  @Test
  void aUsageEventsDurationIsNotNegative() {
    String at = "2026-01-05T10:00:00Z";
    List<String[]> rows =
        List.<String[]>of(
            new String[] {"E1", "A001", "U1", "login", "", at, "{\"duration_ms\":1200}"},
            new String[] {"E2", "A001", "U1", "login", "", at, "{\"duration_ms\":-5}"},
            new String[] {"E3", "A001", "U1", "login", "", at, "{\"client\":\"web\"}"},
            new String[] {"E4", "A001", "U1", "login", "", at, ""});

    assertEquals(
        List.of("1:ok", "2:out_of_range", "3:ok", "4:ok"),
        outcomes(SilverEntities.USAGE_EVENTS, rows));
  }

  /**
   * Usage events drop the source text of valid rows before the deduplication: the quarantine still
   * shows an invalid row's text, and the accepted row its typed fields.
   */
  @Test
  void anInvalidUsageEventKeepsItsTextAndAValidOneItsFields() {
    String at = "2026-01-05T10:00:00Z";
    List<String[]> rows =
        List.<String[]>of(
            new String[] {"E1", "A001", "U1", "login", "search", at, "{\"duration_ms\":1200}"},
            new String[] {"E1", "A001", "U1", "login", "search", at, "{\"duration_ms\":1200}"},
            new String[] {"E2", "A001", "U2", "login", "", at, "{\"duration_ms\":-5}"});
    SilverTransform.Outcome outcome = transform(SilverEntities.USAGE_EVENTS, rows);

    assertEquals(
        List.of("3|E2|U2|{\"duration_ms\":-5}"),
        outcome
            .quarantined()
            .selectExpr(
                "concat_ws('|', _row_number, get_json_object(raw, '$.event_id'),"
                    + " get_json_object(raw, '$.user_id'), get_json_object(raw, '$.properties'))")
            .as(Encoders.STRING())
            .collectAsList());
    assertEquals(
        List.of("1|E1|A001|U1|login|search|2026-01-05 10:00:00"),
        outcome
            .accepted()
            .selectExpr(
                "concat_ws('|', _row_number, event_id, account_id, user_id, event_type, feature,"
                    + " CAST(occurred_at AS STRING))")
            .as(Encoders.STRING())
            .collectAsList());
  }

  @Test
  void invoiceAmountsAndCurrenciesAreChecked() {
    String at = "2026-01-05T10:00:00Z";
    List<String[]> rows =
        List.<String[]>of(
            new String[] {"I1", "A001", "EUR", at, "", "uncollectible", "100", "20", "120", ""},
            new String[] {"I2", "A001", "EUR", at, "", "paid", "100", "20", "-120", at},
            new String[] {"I3", "A001", "JPY", at, "", "paid", "100", "20", "120", at},
            new String[] {"I4", "A001", "EUR", at, "", "refunded", "100", "20", "120", at});

    assertEquals(
        List.of("1:ok", "2:out_of_range", "3:unknown_currency", "4:bad_enum"),
        outcomes(SilverEntities.INVOICES, rows));
  }

  @Test
  void aGoalCannotBeDueBeforeItStarts() {
    List<String[]> rows =
        List.<String[]>of(
            new String[] {
              "G1", "A001", "report_exported", "20", "2026-01-01", "2026-03-31", "active"
            },
            new String[] {
              "G2", "A001", "report_exported", "20", "2026-03-01", "2026-01-31", "active"
            },
            new String[] {
              "G3", "A001", "report_exported", "-1", "2026-01-01", "2026-03-31", "active"
            });

    assertEquals(
        List.of("1:ok", "2:invalid_period", "3:out_of_range"),
        outcomes(SilverEntities.SUCCESS_PLANS, rows));
  }

  @Test
  void withoutAVersionColumnALaterDeliveryIsANewVersion() {
    String at = "2026-01-04T10:00:00Z";
    String[] open = {"I1", "A001", "EUR", at, "", "open", "100", "20", "120", ""};
    String[] paid = {
      "I1", "A001", "EUR", at, "", "paid", "100", "20", "120", "2026-01-05T09:00:00Z"
    };
    String[] other = {"I2", "A001", "EUR", at, "", "open", "100", "20", "120", ""};
    String[] otherChanged = {"I2", "A001", "EUR", at, "", "void", "100", "20", "120", ""};
    var deliveries =
        BronzeFixture.rows(
                SilverEntities.INVOICES.source(),
                "2026-01-05",
                List.<String[]>of(open, other, otherChanged),
                Map.of())
            .unionByName(
                BronzeFixture.rows(
                    SilverEntities.INVOICES.source(),
                    "2026-01-06",
                    List.<String[]>of(paid, paid),
                    Map.of()))
            .unionByName(
                BronzeFixture.rows(
                    SilverEntities.INVOICES.source(),
                    "2026-01-07",
                    List.<String[]>of(paid),
                    Map.of()));

    SilverTransform.Outcome outcome =
        new SilverTransform(SilverEntities.INVOICES, SETTINGS)
            .apply(
                deliveries,
                BronzeFixture.knownAccounts(),
                BronzeFixture.noSilverYet(SilverEntities.INVOICES),
                "r");

    // I1: open on 01-05, paid on 01-06 (a new version), paid again: duplicates.
    // I2: two contents in one delivery: both conflicting.
    assertEquals(
        List.of("2026-01-05:I1:open", "2026-01-06:I1:paid"),
        outcome
            .accepted()
            .orderBy("_dt")
            .selectExpr("concat(_dt, ':', invoice_id, ':', status)")
            .as(Encoders.STRING())
            .collectAsList());
    assertEquals(
        List.of("conflicting_duplicate", "conflicting_duplicate"),
        outcome.quarantined().select("reason").as(Encoders.STRING()).collectAsList());
    assertEquals(2L, outcome.outcomes().where("_outcome = 'duplicate'").count());
  }
}
