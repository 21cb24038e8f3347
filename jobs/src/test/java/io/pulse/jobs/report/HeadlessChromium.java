package io.pulse.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium run headless on a page from disk: the DOM after its scripts ran, the console
 * messages it logged (chromium prints them to stderr as {@code …:CONSOLE…] "message", source: …})
 * and a screenshot. Installed by scripts/install-chromium when missing.
 */
final class HeadlessChromium {
  /** Generous for a 1 MB script on 2 busy cores; the page itself needs well under a second. */
  private static final int TIMEOUT_SECONDS = 90;

  /** Virtual time the page may use before the DOM is dumped or the screenshot taken. */
  private static final String TIME_BUDGET_MS = "10000";

  private final Path root;
  private final Path workDir;

  /**
   * @param root the repository root (scripts/install-chromium)
   * @param workDir where stdout, stderr and the profile of each run go
   */
  HeadlessChromium(Path root, Path workDir) {
    this.root = root;
    this.workDir = workDir;
  }

  /** What one run printed. */
  record Run(String stdout, String stderr) {
    /** The console lines: the page logs nothing, so any line is an error or an uncaught throw. */
    List<String> consoleMessages() {
      return stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
    }
  }

  /** Runs scripts/install-chromium when chromium is not on PATH; returns its version line. */
  String ensureInstalled() throws IOException, InterruptedException {
    Run run = exec("install", List.of(root.resolve("scripts/install-chromium").toString()));
    return run.stdout().strip();
  }

  /** The DOM of {@code page} once its scripts ran, with the console messages they logged. */
  Run dumpDom(Path page) throws IOException, InterruptedException {
    return exec("dump-dom", chromium("--dump-dom", page.toUri().toString()));
  }

  /** A screenshot of {@code page} at 1280 × {@code height} pixels into {@code png}. */
  Run screenshot(Path page, Path png, int height) throws IOException, InterruptedException {
    return exec(
        "screenshot",
        chromium(
            "--screenshot=" + png.toAbsolutePath(),
            "--window-size=1280," + height,
            "--hide-scrollbars",
            page.toUri().toString()));
  }

  private List<String> chromium(String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "chromium",
                "--headless",
                "--disable-gpu",
                "--no-sandbox",
                "--no-first-run",
                "--disable-extensions",
                "--user-data-dir=" + workDir.resolve("profile"),
                "--enable-logging=stderr",
                "--v=0",
                "--virtual-time-budget=" + TIME_BUDGET_MS));
    command.addAll(List.of(args));
    return command;
  }

  private Run exec(String name, List<String> command) throws IOException, InterruptedException {
    Path out = workDir.resolve(name + ".out");
    Path err = workDir.resolve(name + ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    if (!process.waitFor(name.equals("install") ? 600 : TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(name + " did not finish in time: " + command);
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), name + " failed: " + command + "\n" + stderr);
    return new Run(Files.readString(out, StandardCharsets.UTF_8), stderr);
  }
}
