package io.pulse.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Same seed, scale factor, dates and bad-row rate → the same bytes, whatever the thread count. */
class DeterminismTest {
  private static List<Path> tree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  @Test
  void twoRunsWithDifferentThreadCountsWriteIdenticalBytes() throws IOException {
    String[] options = {"--bad-row-rate", "0.02"};
    Landing one = Landing.generate("0.05", "2025-12-20", "2026-01-20", concat(options, "1"));
    Landing three = Landing.generate("0.05", "2025-12-20", "2026-01-20", concat(options, "3"));

    List<Path> files = tree(one.root());
    assertEquals(files, tree(three.root()));
    assertTrue(files.size() > 10 * 32 * 2, "files: " + files.size());
    for (Path file : files) {
      assertArrayEquals(
          Files.readAllBytes(one.root().resolve(file)),
          Files.readAllBytes(three.root().resolve(file)),
          file.toString());
    }
  }

  @Test
  void gzipHeadersCarryNoTimestamp() throws IOException {
    Landing landing = Landing.generate("0.01", "2026-01-01", "2026-01-02");
    byte[] gz =
        Files.readAllBytes(
            landing.root().resolve("usage_events/dt=2026-01-02/part-00000.jsonl.gz"));
    assertEquals((byte) 0x1f, gz[0]);
    assertEquals((byte) 0x8b, gz[1]);
    assertEquals(0, gz[3], "no FNAME/FCOMMENT/FEXTRA flags");
    for (int i = 4; i < 8; i++) {
      assertEquals(0, gz[i], "MTIME byte " + i);
    }
  }

  @Test
  void anotherSeedGivesOtherData() throws IOException {
    Landing a = Landing.generate("0.01", "2026-01-01", "2026-01-01");
    Path b = io.pulse.common.testing.TestDirs.unique("seed");
    Cli run =
        Cli.run(
            "generate",
            "--scale-factor",
            "0.01",
            "--seed",
            "43",
            "--start",
            "2026-01-01",
            "--end",
            "2026-01-01",
            "--out",
            b.toString());
    assertEquals(0, run.exitCode(), run.err());
    String file = "accounts/dt=2026-01-01/part-00000.csv";
    assertNotEquals(Files.readString(a.root().resolve(file)), Files.readString(b.resolve(file)));
  }

  private static String[] concat(String[] options, String threads) {
    String[] all = java.util.Arrays.copyOf(options, options.length + 2);
    all[options.length] = "--threads";
    all[options.length + 1] = threads;
    return all;
  }
}
