package io.pulse.common.spark;

import io.pulse.common.config.PulseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one place a SparkSession is built: Delta, the catalog, S3A and UTC set from configuration.
 * The master is only defaulted for env {@code local}; spark-submit or the cluster sets it
 * otherwise.
 */
public final class SparkSessionFactory {
  private SparkSessionFactory() {}

  /** Returns the active session configured for {@code config}, creating it if needed. */
  public static SparkSession getOrCreate(PulseConfig config) {
    SparkConf conf = sparkConf(config);
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    // An existing SparkContext ignores new spark.hadoop.* settings; set them on it directly.
    S3aSettings.of(config.s3()).forEach(spark.sparkContext().hadoopConfiguration()::set);
    return spark;
  }

  /**
   * The Spark settings Pulse needs, on top of what spark-submit already put in system properties.
   */
  public static SparkConf sparkConf(PulseConfig config) {
    PulseConfig.Spark s = config.spark();
    SparkConf conf = new SparkConf();
    conf.setIfMissing("spark.app.name", s.appName());
    if (config.isLocal()) {
      conf.setIfMissing("spark.master", s.defaultMaster());
    }
    conf.set("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    conf.set("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    conf.set("spark.sql.session.timeZone", "UTC");
    conf.set("spark.sql.shuffle.partitions", Integer.toString(s.shufflePartitions()));
    conf.set("spark.ui.enabled", Boolean.toString(s.uiEnabled()));
    conf.set("spark.sql.warehouse.dir", config.warehouse());
    // Java serialization keeps every object of a stream reachable until the stream is reset (by
    // default every 100 objects). A cached batch of rows is megabytes, so a task writing or reading
    // a cache on disk held hundreds of them: at SF10 that filled a 2 GiB driver on its own.
    conf.setIfMissing("spark.serializer.objectStreamReset", "1");
    configureCatalog(config, conf);
    for (Map.Entry<String, String> e : S3aSettings.of(config.s3()).entrySet()) {
      conf.set("spark.hadoop." + e.getKey(), e.getValue());
    }
    s.conf().forEach(conf::set);
    return conf;
  }

  private static void configureCatalog(PulseConfig config, SparkConf conf) {
    PulseConfig.Catalog catalog = config.catalog();
    if (!"hive".equals(catalog.implementation())) {
      conf.set("spark.sql.catalogImplementation", "in-memory");
      return;
    }
    conf.set("spark.sql.catalogImplementation", "hive");
    if (!catalog.metastoreUri().isBlank()) {
      conf.set("spark.hadoop.hive.metastore.uris", catalog.metastoreUri());
      return;
    }
    String stateDir = config.localStateDir().toString();
    try {
      Files.createDirectories(config.localStateDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + stateDir, e);
    }
    conf.set(
        "spark.hadoop.javax.jdo.option.ConnectionURL",
        "jdbc:derby:;databaseName=" + stateDir + "/metastore_db;create=true");
    // Derby writes derby.log into the working directory unless told otherwise.
    System.setProperty("derby.stream.error.file", stateDir + "/derby.log");
  }
}
