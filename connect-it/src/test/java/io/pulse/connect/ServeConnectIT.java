package io.pulse.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/serve} end to end: a table the jobs write (in their own JVM) is queried by name
 * from another process through Spark Connect; while it serves, the server holds the embedded
 * metastore; it stops on SIGTERM. This test's JVM is the remote client: only the Spark Connect JVM
 * client is on its classpath, no Spark.
 */
@Tag("slow")
class ServeConnectIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path LAUNCHER = ROOT.resolve("jobs/target/launcher");
  private static final String BANNER = "pulse serve: Spark Connect listening on ";

  /** Short-lived JVMs on a small machine: C1 only and one GC thread start Spark faster. */
  private static final List<String> QUICK_JVM =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  @Test
  void aRemoteClientQueriesTheJobsTablesByNameThroughTheServer(@TempDir Path dir) throws Exception {
    String warehouse = "file:" + dir.resolve("warehouse");
    String state = dir.resolve("state").toString();
    Path logs = Files.createDirectories(Path.of("target", "serve-it"));

    // 1. The jobs' DeltaWriter registers a small gold.kpi_monthly in the embedded metastore.
    Process writer =
        new ProcessBuilder(writerCommand(warehouse, state))
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve("writer.log").toFile())
            .start();
    assertTrue(writer.waitFor(3, TimeUnit.MINUTES), "writer did not finish in 3 minutes");
    assertEquals(0, writer.exitValue(), Files.readString(logs.resolve("writer.log")));
    lap("writer JVM wrote gold.kpi_monthly");

    // 2. The server, as a user starts it, on the same warehouse and metastore.
    int port = freePort();
    Process server =
        serve(port, warehouse, state).redirectError(logs.resolve("serve.log").toFile()).start();
    try {
      String banner = awaitLine(server, BANNER, 150, logs.resolve("serve.log"));
      assertEquals(BANNER + "sc://127.0.0.1:" + port, banner);
      lap("server listening");

      // 3. A remote client queries by name and sees the catalog's comments.
      try (SparkSession spark =
          SparkSession.builder().remote("sc://127.0.0.1:" + port).getOrCreate()) {
        List<String> rows =
            spark
                .sql(
                    "SELECT month, segment, mrr_end, customers_end FROM gold.kpi_monthly"
                        + " ORDER BY month, segment")
                .collectAsList()
                .stream()
                .map(r -> r.mkString("|"))
                .toList();
        assertEquals(
            List.of(
                "2026-01-01|all|1500.0000|3",
                "2026-02-01|all|1725.5000|4",
                "2026-02-01|smb|225.5000|1"),
            rows);
        lap("client queried gold.kpi_monthly");

        assertTrue(
            spark
                .catalog()
                .getTable("gold.kpi_monthly")
                .description()
                .startsWith("Revenue KPIs per month and segment"));
        Row mrrEnd =
            spark.sql("DESCRIBE TABLE gold.kpi_monthly").where("col_name = 'mrr_end'").first();
        assertEquals("decimal(18,4)", mrrEnd.getString(1));
        assertEquals("MRR at the month's end = mrr_start + all movements", mrrEnd.getString(2));
        lap("client read the comments");
      }
      lap("client session closed");

      // 4. Meanwhile the server holds the embedded metastore: a second one is refused (exit 5).
      Process second =
          serve(
                  freePort(),
                  warehouse,
                  state,
                  // one metastore attempt instead of Hive's ten, two seconds apart
                  "--conf",
                  "pulse.spark.conf.\"spark.hadoop.hive.hmshandler.retry.attempts\"=1")
              .redirectErrorStream(true)
              .redirectOutput(logs.resolve("second.log").toFile())
              .start();
      second.getOutputStream().close();
      boolean gaveUp = second.waitFor(3, TimeUnit.MINUTES);
      if (!gaveUp) {
        second.destroyForcibly();
      }
      assertTrue(gaveUp, "the second server did not give up in 3 minutes");
      String secondLog = Files.readString(logs.resolve("second.log"));
      assertEquals(5, second.exitValue(), secondLog);
      assertTrue(
          secondLog.contains("pulse serve: cannot open the embedded metastore " + state),
          secondLog);
      lap("a second server was refused the metastore");
    } finally {
      // SIGTERM, as Ctrl-C: Spark's shutdown hook stops the session and frees the metastore.
      server.destroy();
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
    lap("server stopped");
    assertTrue(!server.isAlive(), "the server did not stop on SIGTERM");
    assertTrue(portIsFree(port), "port " + port + " still taken after the server stopped");
  }

  private long last = System.nanoTime();

  /** Prints how long each step took: the test's budget is about two minutes. */
  private void lap(String step) {
    long now = System.nanoTime();
    System.out.printf("ServeConnectIT: %s in %.1f s%n", step, (now - last) / 1e9);
    last = now;
  }

  /** {@code scripts/serve} on {@code port} over the given warehouse and metastore. */
  private static ProcessBuilder serve(int port, String warehouse, String state, String... more) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ROOT.resolve("scripts/serve").toString(),
                "--port",
                Integer.toString(port),
                "--conf",
                "pulse.warehouse=" + warehouse,
                "--conf",
                "pulse.local-state-dir=" + state));
    command.addAll(List.of(more));
    ProcessBuilder serve = new ProcessBuilder(command);
    serve.environment().put("PULSE_DRIVER_MEMORY", "1g");
    serve.environment().put("JAVA_OPTS", String.join(" ", QUICK_JVM));
    return serve;
  }

  /** java with the jobs' JVM flags and classpath (as scripts/pulse) plus the jobs' test classes. */
  private static List<String> writerCommand(String warehouse, String state) throws IOException {
    Path jar;
    try (var jars = Files.list(ROOT.resolve("jobs/target"))) {
      jar =
          jars.filter(p -> p.getFileName().toString().matches("pulse-jobs-.*(?<!-tests)\\.jar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("jobs jar not built: mvn package"));
    }
    String classpath =
        String.join(
            java.io.File.pathSeparator,
            ROOT.resolve("jobs/target/test-classes").toString(),
            jar.toString(),
            Files.readString(LAUNCHER.resolve("cluster-classpath.txt")).strip());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(QUICK_JVM);
    command.addAll(
        List.of(Files.readString(LAUNCHER.resolve("jvm-options.txt")).strip().split("\\s+")));
    command.add("-Dlog4j2.configurationFile=" + ROOT.resolve("conf/log4j2.properties"));
    command.addAll(List.of("-cp", classpath, "io.pulse.jobs.cli.ServeFixture", warehouse, state));
    return command;
  }

  /** The first stdout line of {@code process} that starts with {@code prefix}. */
  private static String awaitLine(Process process, String prefix, int seconds, Path errLog)
      throws InterruptedException, IOException {
    LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process ended; the wait below reports it
              }
            });
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<String> seen = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null) {
        seen.add(line);
        if (line.startsWith(prefix)) {
          return line;
        }
      } else if (!process.isAlive() && lines.isEmpty()) {
        throw new AssertionError(
            "server exited "
                + process.exitValue()
                + " before listening; stdout: "
                + seen
                + "\nstderr:\n"
                + Files.readString(errLog));
      }
    }
    throw new AssertionError(
        "server not listening after "
            + seconds
            + " s; stdout: "
            + seen
            + "\nstderr:\n"
            + Files.readString(errLog));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
