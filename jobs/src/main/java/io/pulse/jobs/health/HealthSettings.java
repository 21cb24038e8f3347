package io.pulse.jobs.health;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import io.pulse.common.error.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code pulse.health} settings: where the scorecard is, and the scorecard itself, read and
 * checked when the settings are built so that a bad one fails at start (exit 2).
 *
 * @param scorecardLocation the value of {@code pulse.health.scorecard}
 * @param scorecard the parsed scorecard
 */
public record HealthSettings(String scorecardLocation, Scorecard scorecard) {
  static final String KEY = "pulse.health.scorecard";

  /** Classpath folder the build copies conf/*.conf into (the same as PulseConfig's). */
  static final String RESOURCE_DIR = "pulse-conf/";

  public static HealthSettings from(Config config) {
    String location = config.getString(KEY);
    return new HealthSettings(location, load(location));
  }

  /**
   * A bare file name is a built-in config shipped in the jar (conf/ → pulse-conf/ on the
   * classpath); a value with a '/' is a file path. Keeping the two apart means a stray file in the
   * working directory never shadows the built-in scorecard.
   */
  static Scorecard load(String location) {
    if (location.isBlank()) {
      throw new UsageException("bad configuration: " + KEY + " is empty");
    }
    Config parsed;
    try {
      if (location.contains("/")) {
        Path path = Path.of(location);
        if (!Files.isReadable(path)) {
          throw new UsageException(
              "bad configuration: " + KEY + " = " + location + ": no such readable file");
        }
        parsed = ConfigFactory.parseFile(path.toFile());
      } else {
        parsed =
            ConfigFactory.parseResources(
                HealthSettings.class.getClassLoader(),
                RESOURCE_DIR + location,
                ConfigParseOptions.defaults().setAllowMissing(false));
      }
      parsed = parsed.resolve();
    } catch (ConfigException.IO e) {
      throw new UsageException(
          "bad configuration: "
              + KEY
              + " = "
              + location
              + ": not a built-in config (give a path with a '/' for a file)",
          e);
    } catch (ConfigException e) {
      throw new UsageException("cannot parse scorecard " + location + ": " + e.getMessage(), e);
    }
    return ScorecardParser.parse(parsed, location);
  }
}
