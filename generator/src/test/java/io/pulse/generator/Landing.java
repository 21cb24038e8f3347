package io.pulse.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pulse.common.testing.TestDirs;
import io.pulse.generator.output.RowFormat;
import io.pulse.generator.output.Source;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVRecord;

/** A generated landing folder, read back for assertions: rows carry their delivery date. */
record Landing(Path root) {
  /** Generates into a fresh folder, failing the test unless the command exits 0. */
  static Landing generate(String sf, String start, String end, String... more) {
    Path out = TestDirs.unique("landing");
    List<String> args =
        new ArrayList<>(
            List.of(
                "generate",
                "--scale-factor",
                sf,
                "--seed",
                "42",
                "--start",
                start,
                "--end",
                end,
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    Cli run = Cli.run(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    return new Landing(out);
  }

  /** Data files of {@code source}, in delivery-date then name order. */
  List<Path> files(Source source) {
    try (Stream<Path> walk = Files.walk(root.resolve(source.dirName()))) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("_"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every record of every {@code part-00000} file of a CSV source, plus {@code _dt}. */
  List<Map<String, String>> csv(Source source) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Path file : files(source)) {
      if (!file.getFileName().toString().startsWith("part-00000")) {
        continue;
      }
      String dt = file.getParent().getFileName().toString().substring(3);
      for (CSVRecord record : parse(file)) {
        Map<String, String> row = new LinkedHashMap<>(record.toMap());
        row.put("_dt", dt);
        rows.add(row);
      }
    }
    return rows;
  }

  static List<CSVRecord> parse(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return RowFormat.CSV
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every usage event of the {@code part-00000} files, in delivery order. */
  List<Event> events() {
    List<Event> events = new ArrayList<>();
    for (Path file : files(Source.USAGE_EVENTS)) {
      if (!file.getFileName().toString().startsWith("part-00000")) {
        continue;
      }
      LocalDate dt = LocalDate.parse(file.getParent().getFileName().toString().substring(3));
      for (String line : gzipLines(file)) {
        events.add(Event.parse(line, dt));
      }
    }
    return events;
  }

  static List<String> gzipLines(Path file) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
  }

  /** A truth file as records. */
  List<CSVRecord> truth(String relative) {
    return parse(root.resolve(relative));
  }
}
