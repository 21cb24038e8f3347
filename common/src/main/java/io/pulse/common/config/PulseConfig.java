package io.pulse.common.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import io.pulse.common.error.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Pulse's configuration, layered: {@code application.conf} → {@code <env>.conf} → {@code --config}
 * file → {@code --conf key=value}. Every key must be declared in {@code application.conf}; typed
 * settings are read eagerly so a bad value fails at start (exit 2) with the key named.
 */
public final class PulseConfig {
  /** Classpath folder the build copies {@code conf/*.conf} into. */
  static final String RESOURCE_DIR = "pulse-conf/";

  /** Subtrees whose keys pass through to Spark and Hadoop unchecked. */
  private static final List<List<String>> PASS_THROUGH =
      List.of(List.of("pulse", "spark", "conf"), List.of("pulse", "s3", "hadoop"));

  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i).*(secret|password|token|access[.-]?key|session[.-]?key).*");

  private final Config config;
  private final String env;
  private final String warehouse;
  private final String landing;
  private final Path localStateDir;
  private final Catalog catalog;
  private final Spark spark;
  private final S3 s3;
  private final boolean recordRuns;

  /** How tables are registered by name. */
  public record Catalog(String implementation, String metastoreUri) {}

  /** Spark session settings. */
  public record Spark(
      String appName,
      String defaultMaster,
      int shufflePartitions,
      boolean uiEnabled,
      Map<String, String> conf) {}

  /** Object storage (S3A and the AWS SDK) settings. */
  public record S3(
      String endpoint,
      String region,
      boolean pathStyleAccess,
      String credentialsProvider,
      int maxAttempts,
      Duration connectTimeout,
      Duration requestTimeout,
      Map<String, String> hadoop) {}

  private PulseConfig(Config config) {
    this.config = config;
    try {
      env = config.getString("pulse.env");
      warehouse = rootUri(config.getString("pulse.warehouse"));
      landing = rootUri(config.getString("pulse.landing"));
      localStateDir = Path.of(config.getString("pulse.local-state-dir")).toAbsolutePath();
      catalog =
          new Catalog(
              config.getString("pulse.catalog.implementation"),
              config.getString("pulse.catalog.metastore-uri"));
      spark =
          new Spark(
              config.getString("pulse.spark.app-name"),
              config.getString("pulse.spark.default-master"),
              config.getInt("pulse.spark.shuffle-partitions"),
              config.getBoolean("pulse.spark.ui-enabled"),
              flatten(config.getConfig("pulse.spark.conf")));
      s3 =
          new S3(
              config.getString("pulse.s3.endpoint"),
              config.getString("pulse.s3.region"),
              config.getBoolean("pulse.s3.path-style-access"),
              config.getString("pulse.s3.credentials-provider"),
              config.getInt("pulse.s3.max-attempts"),
              config.getDuration("pulse.s3.connect-timeout"),
              config.getDuration("pulse.s3.request-timeout"),
              flatten(config.getConfig("pulse.s3.hadoop")));
      recordRuns = config.getBoolean("pulse.run.record-runs");
    } catch (ConfigException e) {
      throw new UsageException("bad configuration: " + e.getMessage(), e);
    }
    if (!List.of("hive", "in-memory").contains(catalog.implementation())) {
      throw new UsageException(
          "bad configuration: pulse.catalog.implementation must be hive or in-memory, not '"
              + catalog.implementation()
              + "'");
    }
  }

  /**
   * Loads the layers for {@code env}, then {@code file} if given, then {@code overrides}.
   *
   * @throws UsageException for an unknown environment, a missing file or an undeclared key
   */
  public static PulseConfig load(String env, Optional<Path> file, Map<String, String> overrides) {
    Config base = resource("application.conf");
    if (base.isEmpty()) {
      throw new IllegalStateException(RESOURCE_DIR + "application.conf is not on the classpath");
    }
    Config envLayer = resource(env + ".conf");
    if (envLayer.isEmpty()) {
      throw new UsageException(
          "unknown environment '" + env + "': no " + env + ".conf among the built-in configs");
    }
    Config fileLayer = ConfigFactory.empty();
    if (file.isPresent()) {
      Path path = file.get();
      if (!Files.isReadable(path)) {
        throw new UsageException("config file " + path + " does not exist or is not readable");
      }
      fileLayer = parse(() -> ConfigFactory.parseFile(path.toFile()), path.toString());
    }
    Config overrideLayer = ConfigFactory.empty();
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      overrideLayer = withOverride(base, overrideLayer, e.getKey(), e.getValue());
    }
    checkDeclared(base, envLayer, env + ".conf");
    checkDeclared(base, fileLayer, file.map(Path::toString).orElse(""));
    checkDeclared(base, overrideLayer, "--conf");
    Config merged =
        overrideLayer
            .withFallback(fileLayer)
            .withFallback(envLayer)
            .withFallback(base)
            .withValue("pulse.env", ConfigValueFactory.fromAnyRef(env));
    return new PulseConfig(resolve(merged));
  }

  /** Loads only the built-in layers of {@code env}, with overrides: for tests and tools. */
  public static PulseConfig of(String env, Map<String, String> overrides) {
    return load(env, Optional.empty(), overrides);
  }

  /**
   * {@code layer} with {@code key} set to {@code value}; a key {@code base} declares as a list
   * takes a comma-separated value ({@code a,b} or {@code [a, b]}).
   */
  private static Config withOverride(Config base, Config layer, String key, String value) {
    try {
      ConfigUtil.splitPath(key);
      boolean list = base.hasPath(key) && base.getValue(key).valueType() == ConfigValueType.LIST;
      return layer.withValue(
          key, ConfigValueFactory.fromAnyRef(list ? commaSeparated(value) : value));
    } catch (ConfigException e) {
      throw new UsageException("bad --conf key '" + key + "': " + e.getMessage(), e);
    }
  }

  private static List<String> commaSeparated(String value) {
    String items = value.strip();
    if (items.startsWith("[") && items.endsWith("]")) {
      items = items.substring(1, items.length() - 1);
    }
    return Arrays.stream(items.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static Config resource(String name) {
    return parse(
        () ->
            ConfigFactory.parseResources(
                PulseConfig.class.getClassLoader(),
                RESOURCE_DIR + name,
                ConfigParseOptions.defaults().setAllowMissing(true)),
        name);
  }

  private static Config parse(java.util.function.Supplier<Config> parser, String origin) {
    try {
      return parser.get();
    } catch (ConfigException e) {
      throw new UsageException("cannot parse config " + origin + ": " + e.getMessage(), e);
    }
  }

  private static Config resolve(Config merged) {
    try {
      return merged.resolve();
    } catch (ConfigException e) {
      throw new UsageException("cannot resolve configuration: " + e.getMessage(), e);
    }
  }

  private static void checkDeclared(Config base, Config layer, String origin) {
    for (Map.Entry<String, ConfigValue> e : layer.entrySet()) {
      String key = e.getKey();
      if (!isPassThrough(key) && !base.hasPathOrNull(key)) {
        throw new UsageException(
            "unknown configuration key '"
                + key
                + "' in "
                + origin
                + "; every key is declared in conf/application.conf");
      }
    }
  }

  private static boolean isPassThrough(String key) {
    List<String> path = ConfigUtil.splitPath(key);
    return PASS_THROUGH.stream()
        .anyMatch(
            prefix -> path.size() > prefix.size() && path.subList(0, prefix.size()).equals(prefix));
  }

  private static Map<String, String> flatten(Config subtree) {
    Map<String, String> flat = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : subtree.entrySet()) {
      flat.put(String.join(".", ConfigUtil.splitPath(e.getKey())), e.getValue().unwrapped() + "");
    }
    return flat;
  }

  /**
   * A storage root without its trailing slash; a relative {@code file:} path is made absolute
   * against the working directory, since Spark and Hadoop disagree on what it is relative to.
   */
  static String rootUri(String uri) {
    String root = uri;
    if (root.startsWith("file:") && !root.startsWith("file:/")) {
      root =
          Path.of(root.substring("file:".length())).toAbsolutePath().normalize().toUri().toString();
    }
    return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  /** Every effective setting as {@code key = value}, sorted, with secret-looking values masked. */
  public Map<String, String> effectiveSettings() {
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : config.getConfig("pulse").entrySet()) {
      String key = "pulse." + e.getKey();
      String value = String.valueOf(e.getValue().unwrapped());
      out.put(key, SECRET_KEY.matcher(key).matches() ? "****" : value);
    }
    return out;
  }

  /** The raw configuration, for job-specific subtrees declared in application.conf. */
  public Config raw() {
    return config;
  }

  public String env() {
    return env;
  }

  public boolean isLocal() {
    return "local".equals(env);
  }

  /** Root URI of the warehouse, without a trailing slash. */
  public String warehouse() {
    return warehouse;
  }

  /** Files a table's partition may hold after a write before it is compacted (0: never). */
  public int compactMinFiles() {
    return raw().getInt("pulse.compact-min-files");
  }

  /** Root URI of the landing zone, without a trailing slash. */
  public String landing() {
    return landing;
  }

  public Path localStateDir() {
    return localStateDir;
  }

  public Catalog catalog() {
    return catalog;
  }

  public Spark spark() {
    return spark;
  }

  public S3 s3() {
    return s3;
  }

  public boolean recordRuns() {
    return recordRuns;
  }
}
