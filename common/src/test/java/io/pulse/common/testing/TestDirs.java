package io.pulse.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fresh folders under the module's {@code target/test-work}, one per use. */
public final class TestDirs {
  private TestDirs() {}

  public static Path unique(String prefix) {
    Path root = Path.of(System.getProperty("pulse.test.work", "target/test-work")).toAbsolutePath();
    try {
      Files.createDirectories(root);
      return Files.createTempDirectory(root, prefix + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
