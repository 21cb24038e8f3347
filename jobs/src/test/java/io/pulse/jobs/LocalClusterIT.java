package io.pulse.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pulse.common.testing.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar on a cluster, the way data engineers run it: {@code scripts/local-cluster} starts
 * a standalone Master and Worker from the build's Spark distribution, {@code scripts/spark-submit}
 * submits the daily pipeline in client mode, and landing and warehouse both live on a real S3
 * server (s3proxy in its own JVM). The executors are the Worker's JVMs, which see only the Spark
 * jars and the submitted jar, so a dependency missing from the shaded jar fails here.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String DAY = "2026-03-02";
  private static final String BUCKET = "pulse-cluster";
  private static final Duration STEP_LIMIT = Duration.ofMinutes(15);
  // scripts/s3-server's fixed local credentials; the Worker passes its environment to executors
  private static final Map<String, String> CREDENTIALS =
      Map.of(
          "AWS_ACCESS_KEY_ID", "pulse-local",
          "AWS_SECRET_ACCESS_KEY", "pulse-local-secret",
          "AWS_REGION", "us-east-1");

  @TempDir static Path dir;
  private static int s3Port;
  private static int masterPort;

  @BeforeAll
  static void startServerAndCluster() throws Exception {
    s3Port = Ports.free();
    masterPort = Ports.free();
    run("s3-server", "start", "--port", s3Port, "--dir", dir.resolve("s3")).assertSucceeded();
    Path landing = dir.resolve("landing");
    run("pulse", "generate", "--scale-factor", "0.02", "--seed", "7", "--start", DAY, "--end", DAY)
        .then("--out", landing)
        .assertSucceeded();
    // an empty delivery file: the pipeline (on-bad-file=warn) records it and goes on, a strict
    // bronze run fails its check on it
    Files.writeString(landing.resolve("tickets/dt=" + DAY + "/part-00001.csv"), "");
    run("pulse", "upload-landing", "--from", landing, "--create-bucket")
        .then(settings())
        .assertSucceeded();
    run("local-cluster", "start", "--port", masterPort, "--ui-port", Ports.free())
        .then("--cores", "2", "--memory", "3g", "--dir", dir.resolve("cluster"))
        .assertSucceeded();
  }

  @AfterAll
  static void stopClusterAndServer() throws Exception {
    run("local-cluster", "stop", "--dir", dir.resolve("cluster")).start();
    run("s3-server", "stop", "--dir", dir.resolve("s3")).start();
  }

  @Test
  @Order(1)
  void thePipelineRunsOnTheClusterThroughS3() throws Exception {
    Result submit =
        submit("pipeline", "--run-date", DAY, "--conf", "pulse.ingest.on-bad-file=warn");
    submit.assertSucceeded();

    // the application ran on the Worker: its executors' folders are in the Worker's work dir
    try (Stream<Path> apps = Files.list(dir.resolve("cluster/work"))) {
      assertTrue(apps.anyMatch(p -> p.getFileName().toString().startsWith("app-")), submit.out);
    }
    Result counts =
        run("pulse", "sql", "--format", "csv")
            .then(
                "SELECT (SELECT count(*) FROM bronze.usage_events) AS events,"
                    + " (SELECT count(*) FROM silver.subscriptions) AS subscriptions,"
                    + " (SELECT count(*) FROM gold.fct_mrr_daily WHERE day = DATE'"
                    + DAY
                    + "') AS mrr_days,"
                    + " (SELECT count(*) FROM gold.fct_account_usage_daily WHERE day = DATE'"
                    + DAY
                    + "') AS usage_days,"
                    + " (SELECT count(*) FROM gold.account_health_daily WHERE day = DATE'"
                    + DAY
                    + "') AS health_days,"
                    + " (SELECT count(*) FROM ops.ingest_files WHERE status = 'failed') AS failed")
            .then(settings())
            .start();
    counts.assertSucceeded();
    String[] values = lastLine(counts.out).split(",");
    for (int i = 0; i < 5; i++) {
      assertTrue(Long.parseLong(values[i]) > 0, "column " + i + " is empty:\n" + counts.out);
    }
    assertEquals("1", values[5], "the empty ticket file is recorded as failed\n" + counts.out);
  }

  @Test
  @Order(2)
  void aFailedCheckIsTheSubmitsExitCode() throws Exception {
    // only the source with the empty file: the other ten would add a minute and prove nothing here
    Result strict =
        submit(
            "bronze",
            "--run-date",
            DAY,
            "--conf",
            "pulse.ingest.on-bad-file=fail",
            "--conf",
            "pulse.ingest.sources=tickets");
    assertEquals(4, strict.exitCode, strict.out);
    assertTrue(strict.out.contains("part-00001.csv"), strict.out);
  }

  private static Result submit(String... jobArgs) throws Exception {
    return run(
            "spark-submit",
            "--master",
            "spark://127.0.0.1:" + masterPort,
            "--executor-memory",
            "1g",
            "--conf",
            "spark.ui.enabled=false",
            "--")
        .then((Object[]) jobArgs)
        .then(settings())
        .start();
  }

  /** Where the jobs read and write: S3 for landing and warehouse, a local metastore. */
  private static Object[] settings() {
    return new Object[] {
      "--conf", "pulse.s3.endpoint=http://127.0.0.1:" + s3Port,
      "--conf", "pulse.landing=s3a://" + BUCKET + "/landing",
      "--conf", "pulse.warehouse=s3a://" + BUCKET + "/warehouse",
      "--conf", "pulse.local-state-dir=" + dir.resolve("state")
    };
  }

  private static String lastLine(String text) {
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    return lines.get(lines.size() - 1);
  }

  private static Command run(String script, Object... args) {
    return new Command(script).then(args);
  }

  /** One of the project's scripts with its arguments, run to completion. */
  private static final class Command {
    private final List<String> command = new ArrayList<>();

    Command(String script) {
      command.add(ROOT.resolve("scripts").resolve(script).toString());
    }

    Command then(Object... args) {
      for (Object arg : args) {
        command.add(arg.toString());
      }
      return this;
    }

    void assertSucceeded() throws Exception {
      start().assertSucceeded();
    }

    Result start() throws IOException, InterruptedException {
      Path log = Files.createTempFile(dir, "script-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(CREDENTIALS);
      Process process = builder.start();
      boolean finished = process.waitFor(STEP_LIMIT.toMinutes(), TimeUnit.MINUTES);
      if (!finished) {
        process.destroyForcibly();
      }
      String out = String.join(" ", command) + "\n" + Files.readString(log);
      return new Result(finished ? process.exitValue() : -1, out);
    }
  }

  private record Result(int exitCode, String out) {
    void assertSucceeded() {
      assertEquals(0, exitCode, out);
    }
  }
}
