package io.pulse.jobs.health;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import io.pulse.common.error.UsageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Reads a scorecard (conf/scorecard.conf) into a {@link Scorecard}, checking every value: a wrong
 * scorecard throws {@link UsageException} (exit 2) naming the full key, e.g. {@code
 * segments.enterprise.measures.deployment.inputs.license_utilization.green}.
 */
public final class ScorecardParser {
  private static final Set<String> TOP_KEYS =
      Set.of("version", "group-weights", "bands", "quadrant-threshold", "measures", "segments");
  private static final Set<String> SEGMENT_KEYS = Set.of("group-weights", "measures");
  private static final Set<String> MEASURE_KEYS = Set.of("weight", "stale-days", "inputs");
  private static final Set<String> INPUT_KEYS = Set.of("red", "green", "weight");
  private static final Set<String> BAND_KEYS = Set.of("red-max", "yellow-max");

  private final String origin;

  private ScorecardParser(String origin) {
    this.origin = origin;
  }

  /**
   * @param scorecard the parsed file
   * @param origin where it came from, for messages
   */
  public static Scorecard parse(Config scorecard, String origin) {
    return new ScorecardParser(origin).scorecard(scorecard);
  }

  private Scorecard scorecard(Config root) {
    UnaryOperator<String> topKey = UnaryOperator.identity();
    onlyKeys(root, "", TOP_KEYS, topKey);
    String version = text(root, "version", topKey);
    Scorecard.Bands bands = bands(root);
    double threshold = number(root, "quadrant-threshold", topKey);
    if (threshold < 0 || threshold > 100) {
      throw bad("quadrant-threshold must be within 0..100, not " + threshold);
    }
    Scorecard.Rules defaults = rules(root, topKey);

    Map<String, Scorecard.Rules> segments = new TreeMap<>();
    if (root.hasPath("segments")) {
      Config all = object(root, "segments", topKey);
      Config shared =
          root.withOnlyPath("group-weights").withFallback(root.withOnlyPath("measures"));
      for (String segment : all.root().keySet()) {
        String path = ConfigUtil.joinPath("segments", segment);
        Config own = object(root, path, topKey);
        // A key the segment sets is named as the segment's; the rest are the defaults'.
        UnaryOperator<String> key = k -> own.hasPath(k) ? path + "." + k : k;
        onlyKeys(own, "", SEGMENT_KEYS, k -> path + "." + k);
        segments.put(segment, rules(own.withFallback(shared), key));
      }
    }
    return new Scorecard(version, bands, threshold, defaults, segments);
  }

  private Scorecard.Bands bands(Config root) {
    UnaryOperator<String> key = UnaryOperator.identity();
    object(root, "bands", key);
    onlyKeys(root, "bands", BAND_KEYS, key);
    int redMax = integer(root, "bands.red-max", key);
    int yellowMax = integer(root, "bands.yellow-max", key);
    if (redMax < 0 || yellowMax > 100 || redMax >= yellowMax) {
      throw bad(
          "bands.red-max ("
              + redMax
              + ") and bands.yellow-max ("
              + yellowMax
              + ") must satisfy 0 ≤ red-max < yellow-max ≤ 100");
    }
    return new Scorecard.Bands(redMax, yellowMax);
  }

  private Scorecard.Rules rules(Config c, UnaryOperator<String> key) {
    object(c, "group-weights", key);
    onlyKeys(c, "group-weights", Set.of("outcome", "experience"), key);
    Map<Measure.Group, Double> groupWeights = new EnumMap<>(Measure.Group.class);
    for (Measure.Group group : Measure.Group.values()) {
      groupWeights.put(group, positive(c, "group-weights." + group.key(), key));
    }

    Config measures = object(c, "measures", key);
    for (String name : measures.root().keySet()) {
      if (Measure.byKey(name).isEmpty()) {
        throw bad(
            key.apply(ConfigUtil.joinPath("measures", name))
                + " is not a measure; the measures are "
                + measureNames());
      }
    }
    Map<Measure, Scorecard.MeasureRule> rules = new EnumMap<>(Measure.class);
    for (Measure measure : Measure.values()) {
      rules.put(measure, measure(c, measure, key));
    }
    return new Scorecard.Rules(groupWeights, rules);
  }

  private Scorecard.MeasureRule measure(Config c, Measure measure, UnaryOperator<String> key) {
    String path = "measures." + measure.key();
    object(c, path, key);
    onlyKeys(c, path, MEASURE_KEYS, key);
    double weight = positive(c, path + ".weight", key);
    int staleDays = integer(c, path + ".stale-days", key);
    if (staleDays < 0) {
      throw bad(key.apply(path + ".stale-days") + " must be 0 or more, not " + staleDays);
    }
    Config inputs = object(c, path + ".inputs", key);
    if (inputs.root().isEmpty()) {
      throw bad(key.apply(path + ".inputs") + " is empty; a measure needs at least one input");
    }
    List<Scorecard.InputRule> rules = new ArrayList<>();
    for (String signal : new TreeMap<>(inputs.root()).keySet()) {
      String in = path + ".inputs." + ConfigUtil.joinPath(signal);
      if (!HealthSignals.isKnown(signal)) {
        throw bad(
            key.apply(in)
                + ": '"
                + signal
                + "' is not a known signal column; known: "
                + String.join(", ", HealthSignals.KNOWN.keySet()));
      }
      object(c, in, key);
      onlyKeys(c, in, INPUT_KEYS, key);
      double red = number(c, in + ".red", key);
      double green = number(c, in + ".green", key);
      if (red == green) {
        throw bad(key.apply(in) + ": red and green are both " + red + "; they must differ");
      }
      double inputWeight = c.hasPath(in + ".weight") ? positive(c, in + ".weight", key) : 1.0;
      rules.add(new Scorecard.InputRule(signal, red, green, inputWeight));
    }
    return new Scorecard.MeasureRule(measure, weight, staleDays, rules);
  }

  private void onlyKeys(Config c, String path, Set<String> allowed, UnaryOperator<String> key) {
    Config at = path.isEmpty() ? c : c.getConfig(path);
    for (String k : at.root().keySet()) {
      if (!allowed.contains(k)) {
        String full = path.isEmpty() ? ConfigUtil.joinPath(k) : path + "." + ConfigUtil.joinPath(k);
        throw bad(key.apply(full) + " is not a scorecard key; expected one of " + sorted(allowed));
      }
    }
  }

  private static String sorted(Set<String> keys) {
    return String.join(", ", new TreeSet<>(keys));
  }

  private static String measureNames() {
    return String.join(", ", Arrays.stream(Measure.values()).map(Measure::key).toList());
  }

  private Config object(Config c, String path, UnaryOperator<String> key) {
    require(c, path, key);
    try {
      return c.getConfig(path);
    } catch (ConfigException.WrongType e) {
      throw bad(key.apply(path) + " must be an object { ... }");
    }
  }

  private String text(Config c, String path, UnaryOperator<String> key) {
    require(c, path, key);
    String value = c.getString(path);
    if (value.isBlank()) {
      throw bad(key.apply(path) + " is blank");
    }
    return value;
  }

  private double number(Config c, String path, UnaryOperator<String> key) {
    require(c, path, key);
    try {
      return c.getDouble(path);
    } catch (ConfigException.WrongType e) {
      throw bad(key.apply(path) + " must be a number");
    }
  }

  private int integer(Config c, String path, UnaryOperator<String> key) {
    require(c, path, key);
    try {
      return c.getInt(path);
    } catch (ConfigException.WrongType e) {
      throw bad(key.apply(path) + " must be a whole number");
    }
  }

  private double positive(Config c, String path, UnaryOperator<String> key) {
    double value = number(c, path, key);
    if (!(value > 0)) {
      throw bad(key.apply(path) + " must be > 0, not " + value);
    }
    return value;
  }

  private void require(Config c, String path, UnaryOperator<String> key) {
    if (!c.hasPath(path)) {
      throw bad("missing key " + key.apply(path));
    }
  }

  private UsageException bad(String what) {
    return new UsageException("bad scorecard " + origin + ": " + what);
  }
}
