package io.pulse.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.generator.output.Source;
import io.pulse.generator.output.TruthWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sizes grow linearly with the scale factor: accounts are independent, so a larger run holds the
 * smaller one's accounts unchanged and as many again.
 */
class ScaleTest {
  private static final String START = "2026-02-01";
  private static final String END = "2026-03-15";
  private static Landing tiny;
  private static Landing small;
  private static Landing twice;

  @BeforeAll
  static void generate() {
    tiny = Landing.generate("0.01", START, END);
    small = Landing.generate("0.1", START, END);
    twice = Landing.generate("0.2", START, END);
  }

  @Test
  void accountCountsAreExactlyLinear() {
    assertEquals(10, tiny.truth(TruthWriter.ACCOUNTS).size());
    assertEquals(100, small.truth(TruthWriter.ACCOUNTS).size());
    assertEquals(200, twice.truth(TruthWriter.ACCOUNTS).size());
  }

  @Test
  void rowCountsDoubleWhenTheScaleFactorDoubles() {
    for (Source source :
        List.of(Source.ACCOUNTS, Source.CONTACTS, Source.TICKETS, Source.SUBSCRIPTIONS)) {
      double ratio = (double) twice.csv(source).size() / small.csv(source).size();
      assertTrue(ratio > 1.6 && ratio < 2.4, source + ": " + ratio);
    }
    double events = (double) twice.events().size() / small.events().size();
    assertTrue(events > 1.6 && events < 2.4, "usage_events: " + events);
    assertEquals(small.csv(Source.FX_RATES), twice.csv(Source.FX_RATES), "fx does not scale");
    assertEquals(small.csv(Source.PLANS), twice.csv(Source.PLANS), "the price list does not scale");
  }

  @Test
  void theSmallerRunsAccountsAreThoseOfTheLargerRunUnchanged() throws IOException {
    for (Source source : List.of(Source.ACCOUNTS, Source.TICKETS, Source.INVOICES)) {
      List<Map<String, String>> first100 =
          twice.csv(source).stream()
              .filter(r -> Integer.parseInt(r.get("account_id").substring(1)) <= 100)
              .toList();
      assertEquals(small.csv(source), first100, source.toString());
    }
    String file = "usage_events/dt=2026-03-01/part-00000.jsonl.gz";
    List<String> smallLines = Landing.gzipLines(small.root().resolve(file));
    List<String> twiceLines = Landing.gzipLines(twice.root().resolve(file));
    assertEquals(smallLines, twiceLines.subList(0, smallLines.size()));
    assertTrue(Files.size(twice.root().resolve(file)) > Files.size(small.root().resolve(file)));
  }
}
