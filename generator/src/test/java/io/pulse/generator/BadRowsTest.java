package io.pulse.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.generator.output.BadRowKind;
import io.pulse.generator.output.Source;
import io.pulse.generator.output.TruthWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With a bad-row rate, every kind of bad input appears, each is listed in the truth at the right
 * place, and the good rows are exactly those of a clean run.
 */
class BadRowsTest {
  private static final String START = "2025-12-20";
  private static final String END = "2026-01-25";
  private static Landing clean;
  private static Landing dirty;
  private static List<CSVRecord> truth;

  @BeforeAll
  static void generate() {
    clean = Landing.generate("0.05", START, END);
    dirty = Landing.generate("0.05", START, END, "--bad-row-rate", "0.1");
    truth = dirty.truth(TruthWriter.BAD_ROWS);
  }

  @Test
  void everyKindAppearsAndEachSourceCyclesThroughTheKindsThatApplyToIt() {
    Set<String> kinds = truth.stream().map(r -> r.get("kind")).collect(Collectors.toSet());
    for (BadRowKind kind : BadRowKind.values()) {
      assertTrue(kinds.contains(kind.code()), "missing kind " + kind.code());
    }
    for (Source source : Source.values()) {
      List<String> seen =
          truth.stream()
              .filter(r -> r.get("source").equals(source.dirName()))
              .filter(r -> !r.get("record_number").isEmpty())
              .map(r -> r.get("kind"))
              .toList();
      List<BadRowKind> rotation = BadRowKind.rowKinds(source);
      assertTrue(seen.size() >= 5, source.dirName() + " has only " + seen.size() + " bad rows");
      for (int i = 0; i < seen.size(); i++) {
        assertEquals(rotation.get(i % rotation.size()).code(), seen.get(i), source + " #" + i);
      }
    }
  }

  @Test
  void aCleanRunHasNoBadRowsAndNoBadFiles() {
    assertEquals(0, clean.truth(TruthWriter.BAD_ROWS).size());
    assertEquals(
        List.of(),
        clean.files(Source.ACCOUNTS).stream()
            .filter(p -> !p.toString().endsWith("part-00000.csv"))
            .toList());
  }

  /** Removing the listed lines from every dirty file gives the clean file, byte for byte. */
  @Test
  void theGoodRowsAreExactlyThoseOfACleanRun() throws IOException {
    Map<String, Set<Long>> badRecords = new TreeMap<>();
    for (CSVRecord r : truth) {
      if (!r.get("record_number").isEmpty()) {
        badRecords
            .computeIfAbsent(r.get("file"), f -> new HashSet<>())
            .add(Long.parseLong(r.get("record_number")));
      }
    }
    int checked = 0;
    for (Source source : Source.values()) {
      if (source == Source.SURVEYS) {
        continue; // comments hold line breaks, so records are not lines there
      }
      for (Path file : clean.files(source)) {
        String relative = clean.root().relativize(file).toString();
        List<byte[]> dirtyLines = lines(dirty.root().resolve(relative), source);
        Set<Long> bad = badRecords.getOrDefault(relative, Set.of());
        int header = source.isJson() ? 0 : 1;
        List<byte[]> kept = new ArrayList<>();
        for (int i = 0; i < dirtyLines.size(); i++) {
          if (!bad.contains((long) i + 1 - header)) {
            kept.add(dirtyLines.get(i));
          }
        }
        List<byte[]> cleanLines = lines(file, source);
        assertEquals(cleanLines.size(), kept.size(), relative);
        for (int i = 0; i < kept.size(); i++) {
          assertTrue(Arrays.equals(cleanLines.get(i), kept.get(i)), relative + " line " + i);
        }
        checked += bad.size();
      }
    }
    assertTrue(checked > 100, "bad rows checked: " + checked);
  }

  @Test
  void listedRowsAreWhatTheirKindSays() throws IOException {
    for (CSVRecord r : truth) {
      if (!r.get("source").equals("accounts") || r.get("record_number").isEmpty()) {
        continue;
      }
      List<byte[]> lines = lines(dirty.root().resolve(r.get("file")), Source.ACCOUNTS);
      byte[] line = lines.get(Integer.parseInt(r.get("record_number")));
      String text = new String(line, StandardCharsets.UTF_8);
      switch (r.get("kind")) {
        case "stray_bom" -> assertTrue(text.startsWith("\uFEFF"), text);
        case "invalid_utf8" ->
            assertTrue(text.contains("\uFFFD"), "decodes with a replacement character: " + text);
        case "extra_column" -> assertTrue(text.endsWith(",unexpected"), text);
        case "future_timestamp" -> assertTrue(text.contains("2099-01-01T00:00:00Z"), text);
        case "timestamp_without_offset" ->
            assertTrue(text.matches(".*,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d$"), text);
        case "conflicting_duplicate" -> {
          String before =
              new String(
                  lines.get(Integer.parseInt(r.get("record_number")) - 1), StandardCharsets.UTF_8);
          assertEquals(before.split(",")[0], text.split(",")[0], "same account_id");
          assertTrue(text.contains("(restated)"), text);
        }
        default -> {}
      }
      assertTrue(r.get("key").length() > 0 || r.get("kind").equals("missing_required_field"));
    }
  }

  @Test
  void badFilesAreEmptyOrTruncated() throws IOException {
    for (CSVRecord r : truth) {
      Path file = dirty.root().resolve(r.get("file"));
      assertTrue(Files.exists(file), file.toString());
      if (r.get("kind").equals("empty_file")) {
        assertEquals(0, Files.size(file), file.toString());
      } else if (r.get("kind").equals("truncated_gzip")) {
        UncheckedIOException e =
            assertThrows(UncheckedIOException.class, () -> Landing.gzipLines(file));
        assertTrue(e.getCause() instanceof java.io.EOFException, e.toString());
      }
    }
    assertTrue(
        truth.stream()
            .anyMatch(r -> r.get("file").equals("accounts/dt=" + START + "/part-00001.csv")));
    assertTrue(
        truth.stream()
            .anyMatch(
                r -> r.get("file").equals("usage_events/dt=" + START + "/part-00002.jsonl.gz")));
  }

  @Test
  void theRateIsAboutTheShareOfInjectedRows() {
    long injected = truth.stream().filter(r -> !r.get("record_number").isEmpty()).count();
    long good = 0;
    for (Source source : EnumSet.of(Source.ACCOUNTS, Source.TICKETS, Source.FX_RATES)) {
      good += clean.csv(source).size();
    }
    long injectedThere =
        truth.stream()
            .filter(r -> !r.get("record_number").isEmpty())
            .filter(r -> Set.of("accounts", "tickets", "fx_rates").contains(r.get("source")))
            .count();
    double rate = (double) injectedThere / good;
    assertTrue(
        rate > 0.09 && rate < 0.11, "rate " + rate + " of " + good + " (all: " + injected + ")");
  }

  /** Lines (records) as raw bytes, split on LF; gzip files are decompressed. */
  private static List<byte[]> lines(Path file, Source source) throws IOException {
    byte[] bytes =
        source.isJson()
            ? new java.util.zip.GZIPInputStream(Files.newInputStream(file)).readAllBytes()
            : Files.readAllBytes(file);
    List<byte[]> lines = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lines.add(Arrays.copyOfRange(bytes, from, i));
        from = i + 1;
      }
    }
    return lines;
  }
}
