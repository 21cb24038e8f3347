package io.pulse.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.error.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PulseConfigTest {
  @TempDir Path dir;

  @Test
  void laterLayersWinOverEarlierOnes() throws IOException {
    Path file = dir.resolve("site.conf");
    Files.writeString(file, "pulse.spark.shuffle-partitions = 16\npulse.s3.region = eu-west-1\n");

    PulseConfig config =
        PulseConfig.load("local", Optional.of(file), Map.of("pulse.s3.region", "ap-south-1"));

    assertEquals(16, config.spark().shufflePartitions()); // file over local.conf's 4
    assertEquals("ap-south-1", config.s3().region()); // --conf over file
    assertTrue(config.s3().pathStyleAccess()); // local.conf over application.conf
    assertEquals(Duration.ofSeconds(5), config.s3().connectTimeout()); // application.conf
    assertEquals("local", config.env());
  }

  @Test
  void prodDoesNotInheritLocalSettings() {
    PulseConfig config = PulseConfig.of("prod", Map.of());

    assertEquals(200, config.spark().shufflePartitions());
    assertEquals(false, config.s3().pathStyleAccess());
    assertEquals("prod", config.env());
  }

  @Test
  void anUndeclaredKeyIsRefusedWithItsName() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> PulseConfig.of("local", Map.of("pulse.spark.shuffle-partition", "3")));

    assertTrue(e.getMessage().contains("'pulse.spark.shuffle-partition'"), e.getMessage());
  }

  @Test
  void anUndeclaredKeyInAFileIsRefused() throws IOException {
    Path file = dir.resolve("bad.conf");
    Files.writeString(file, "pulse.warehous = \"file:/tmp/w\"\n");

    UsageException e =
        assertThrows(
            UsageException.class, () -> PulseConfig.load("local", Optional.of(file), Map.of()));

    assertTrue(e.getMessage().contains("pulse.warehous"), e.getMessage());
  }

  @Test
  void passThroughSettingsReachSparkAndHadoopAsGiven() {
    PulseConfig config =
        PulseConfig.of(
            "local",
            Map.of(
                "pulse.spark.conf.\"spark.executor.memory\"", "4g",
                "pulse.s3.hadoop.\"fs.s3a.connection.maximum\"", "200"));

    // the local overlay (conf/local.conf) adds its own pass-through setting beside the given one
    assertEquals(
        Map.of("spark.executor.memory", "4g", "spark.databricks.delta.snapshotPartitions", "2"),
        config.spark().conf());
    assertEquals(Map.of("fs.s3a.connection.maximum", "200"), config.s3().hadoop());
  }

  @Test
  void aListSettingTakesACommaSeparatedValue() {
    for (String value : List.of("tickets, surveys", "[tickets,surveys]")) {
      PulseConfig config = PulseConfig.of("local", Map.of("pulse.ingest.sources", value));
      assertEquals(
          List.of("tickets", "surveys"), config.raw().getStringList("pulse.ingest.sources"));
    }
    PulseConfig none = PulseConfig.of("local", Map.of("pulse.ingest.sources", "[]"));
    assertEquals(List.of(), none.raw().getStringList("pulse.ingest.sources"));
  }

  @Test
  void aValueOfTheWrongTypeIsAUsageError() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> PulseConfig.of("local", Map.of("pulse.spark.shuffle-partitions", "many")));

    assertTrue(e.getMessage().contains("shuffle-partitions"), e.getMessage());
  }

  @Test
  void anUnknownEnvironmentIsAUsageError() {
    assertThrows(UsageException.class, () -> PulseConfig.of("staging", Map.of()));
  }

  @Test
  void secretLookingSettingsAreMaskedInTheEffectiveSettings() {
    PulseConfig config =
        PulseConfig.of("local", Map.of("pulse.s3.hadoop.\"fs.s3a.secret.key\"", "hunter2"));

    Map<String, String> shown = config.effectiveSettings();

    assertEquals("****", shown.get("pulse.s3.hadoop.\"fs.s3a.secret.key\""));
    assertEquals("4", shown.get("pulse.spark.shuffle-partitions"));
    assertTrue(shown.values().stream().noneMatch(v -> v.contains("hunter2")));
  }

  @Test
  void aRelativeFileRootIsMadeAbsoluteAndRootsLoseTheirTrailingSlash() {
    PulseConfig config =
        PulseConfig.of(
            "local",
            Map.of("pulse.warehouse", "file:./wh/", "pulse.landing", "s3a://bucket/landing/"));

    assertEquals("file://" + Path.of("wh").toAbsolutePath(), config.warehouse());
    assertEquals("s3a://bucket/landing", config.landing());
  }
}
