package io.pulse.common.cli;

import io.pulse.common.config.PulseConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command that touches Spark shares: environment and configuration layers. */
public final class ConfigOptions {
  @Option(
      names = "--env",
      defaultValue = "local",
      description = "Configuration environment: local or prod (default: ${DEFAULT-VALUE}).")
  String env;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "HOCON file layered over the environment's settings.")
  Path configFile;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "Setting layered over everything else, e.g. pulse.spark.shuffle-partitions=16.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(names = "--debug", description = "Print stack traces of failures.")
  boolean debug;

  public PulseConfig load() {
    return PulseConfig.load(env, Optional.ofNullable(configFile), overrides);
  }

  public boolean debug() {
    return debug;
  }
}
