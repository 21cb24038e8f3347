package io.pulse.common.testing;

import com.holdenkarau.spark.testing.SparkSessionProvider;
import io.pulse.common.config.PulseConfig;
import io.pulse.common.spark.SparkSessionFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension giving every test class in the JVM one shared local SparkSession, built by the
 * production factory with a warehouse and metastore under {@code target/test-work}, and registered
 * with spark-testing-base so its Dataset assertions use it.
 */
public final class SparkTestSession implements BeforeAllCallback {
  private static SparkSession session;
  private static PulseConfig config;
  private static Map<String, String> overrides;

  @Override
  public void beforeAll(ExtensionContext context) {
    get();
  }

  /** The shared session, created on first use. */
  public static synchronized SparkSession get() {
    if (session == null) {
      overrides = settings(TestDirs.unique("spark"));
      config = PulseConfig.of("local", overrides);
      session = SparkSessionFactory.getOrCreate(config);
      SparkSessionProvider._sparkSession_$eq(session);
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }

  /** The configuration the shared session was built with. */
  public static synchronized PulseConfig config() {
    get();
    return config;
  }

  /** The shared session's settings as CLI arguments, so a command run in-process reuses it. */
  public static synchronized List<String> confArgs() {
    get();
    List<String> args = new ArrayList<>();
    overrides.forEach((k, v) -> args.addAll(List.of("--conf", k + "=" + v)));
    return args;
  }

  /**
   * Test settings: small local Spark, a private warehouse and metastore; S3 from {@link
   * S3TestServer}.
   */
  public static Map<String, String> settings(Path dir) {
    var settings = new java.util.HashMap<String, String>();
    settings.put("pulse.warehouse", dir.resolve("warehouse").toUri().toString());
    settings.put("pulse.local-state-dir", dir.resolve("state").toString());
    settings.put("pulse.spark.default-master", "local[2]");
    settings.put("pulse.spark.shuffle-partitions", "2");
    settings.put("pulse.spark.conf.\"spark.databricks.delta.snapshotPartitions\"", "2");
    settings.put(
        "pulse.spark.conf.\"spark.sql.adaptive.coalescePartitions.initialPartitionNum\"", "2");
    settings.put("pulse.landing", "s3a://" + S3TestServer.LANDING_BUCKET + "/landing");
    settings.putAll(S3TestServer.settings());
    return settings;
  }
}
