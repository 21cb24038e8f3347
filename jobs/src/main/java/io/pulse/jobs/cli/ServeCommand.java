package io.pulse.jobs.cli;

import io.pulse.common.cli.ConfigOptions;
import io.pulse.common.config.PulseConfig;
import io.pulse.common.error.StorageUnreachableException;
import io.pulse.common.error.UsageException;
import io.pulse.common.spark.SparkSessionFactory;
import io.pulse.common.storage.StorageProbe;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Database;
import org.apache.spark.sql.connect.service.SparkConnectService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pulse serve}: a Spark Connect server over the jobs' catalog and warehouse, so BI and SQL
 * clients query the tables by name ({@code sc://host:port}). Runs until stopped. With the embedded
 * Derby metastore this process holds the catalog while it runs: no other Pulse process can open it
 * meanwhile (docs/bi.md).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the catalog's tables over Spark Connect (sc://HOST:PORT) until stopped.",
      "With the embedded metastore (local), jobs cannot run while it serves: stop it first."
    })
public final class ServeCommand implements Callable<Integer> {
  /** Spark Connect's own environment variable for its pre-shared bearer token. */
  static final String TOKEN_ENV = "SPARK_CONNECT_AUTHENTICATE_TOKEN";

  /** The Spark setting that holds the same token, e.g. from pulse.spark.conf in a --config file. */
  static final String TOKEN_SETTING = "spark.connect.authenticate.token";

  @Option(
      names = "--port",
      defaultValue = "15002",
      description = "Port to listen on; default ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description =
          "Address to bind; default ${DEFAULT-VALUE}. Any other than loopback needs a token in "
              + TOKEN_ENV
              + ".")
  String host;

  @Mixin ConfigOptions configOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 1 || port > 65535) {
      throw new UsageException("--port " + port + " is not a port (1-65535)");
    }
    PulseConfig config = configOptions.load();
    boolean token =
        System.getenv(TOKEN_ENV) != null || config.spark().conf().containsKey(TOKEN_SETTING);
    if (!isLoopback(host) && !token) {
      throw new UsageException(
          "--host "
              + host
              + " would open the catalog to the network without authentication: set "
              + TOKEN_ENV
              + " (clients then pass ;token=…) or bind 127.0.0.1");
    }
    // Serving reads only the warehouse: probe its bucket, not landing's.
    StorageProbe.check(withLanding(config.warehouse()));

    // SparkConf picks spark.* system properties up, as it does spark-submit's settings; Spark
    // Connect reads these from the SparkContext's conf when it starts.
    System.setProperty("spark.connect.grpc.binding.address", host);
    System.setProperty("spark.connect.grpc.binding.port", Integer.toString(port));
    System.setProperty("spark.connect.grpc.port.maxRetries", "0");
    // As Spark's own SparkConnectServer: artifacts a client uploads stay in its session.
    System.setProperty("spark.sql.session.isolateArtifacts", "true");
    SparkSession spark = SparkSessionFactory.getOrCreate(config);
    List<String> databases = openCatalog(spark, config);

    // Binds host:port or throws (no retry on another port); then serves on gRPC's own threads.
    SparkConnectService.start(spark.sparkContext());
    String url = "sc://" + host + ":" + port;
    PrintWriter out = spec.commandLine().getOut();
    out.println("pulse serve: Spark Connect listening on " + url);
    out.println("  warehouse " + config.warehouse() + ", " + catalog(config));
    out.println("  databases " + String.join(", ", databases));
    out.println("  PySpark:   SparkSession.builder.remote(\"" + url + "\").getOrCreate()");
    out.println("  JVM:       SparkSession.builder().remote(\"" + url + "\").getOrCreate()");
    out.println("  stop with Ctrl-C (or SIGTERM)");
    out.flush();
    // Serve until the JVM is stopped; Spark's shutdown hook then stops the session and releases
    // the metastore.
    new CountDownLatch(1).await();
    return 0;
  }

  /**
   * Opens the metastore now, so a catalog another process holds fails the start, not a client's
   * first query; returns the databases.
   */
  private static List<String> openCatalog(SparkSession spark, PulseConfig config) {
    try {
      return spark.catalog().listDatabases().collectAsList().stream()
          .map(Database::name)
          .sorted()
          .toList();
    } catch (Exception e) {
      // Derby's lock is the usual cause; Hive reports it wrapped as "Unable to instantiate …".
      if (!"hive".equals(config.catalog().implementation())
          || !config.catalog().metastoreUri().isBlank()) {
        throw e;
      }
      throw new StorageUnreachableException(
          "cannot open the embedded metastore "
              + config.localStateDir().resolve("metastore_db")
              + ": only one process can, is a job or another scripts/serve using it? ("
              + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
              + ")",
          e);
    }
  }

  private static String catalog(PulseConfig config) {
    PulseConfig.Catalog catalog = config.catalog();
    if (!"hive".equals(catalog.implementation())) {
      return "in-memory catalog (this process only)";
    }
    if (!catalog.metastoreUri().isBlank()) {
      return "metastore " + catalog.metastoreUri();
    }
    Path derby = config.localStateDir().resolve("metastore_db");
    return "embedded metastore " + derby + " (held by this process until it stops)";
  }

  /** The same configuration with landing pointed at the warehouse, so a probe skips landing. */
  private PulseConfig withLanding(String landing) {
    Map<String, String> overrides = new LinkedHashMap<>(spec.findOption("--conf").getValue());
    overrides.put("pulse.landing", landing);
    Path file = spec.findOption("--config").getValue();
    return PulseConfig.load(
        spec.findOption("--env").getValue(), Optional.ofNullable(file), overrides);
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new UsageException("--host " + host + " is not a known address", e);
    }
  }
}
