package io.pulse.jobs.health;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed health scorecard (conf/scorecard.conf, METRICS.md §7): the default rules, the rules of
 * the segments that override them, and what is global (version, bands, quadrant threshold). Built
 * by {@link ScorecardParser}, which has already checked every value.
 *
 * @param version written with every score
 * @param bands the band limits of the integer health score
 * @param quadrantThreshold a group score ≥ this is "high" for the quadrant
 * @param defaults the rules of an account whose segment has no entry
 * @param segments segment → its rules (the defaults with the segment's overrides applied)
 */
public record Scorecard(
    String version,
    Bands bands,
    double quadrantThreshold,
    Rules defaults,
    Map<String, Rules> segments) {

  public Scorecard {
    segments = Collections.unmodifiableMap(new TreeMap<>(segments));
  }

  /** The rules an account of {@code segment} (null allowed) is scored with. */
  public Rules rulesFor(String segment) {
    return segment == null ? defaults : segments.getOrDefault(segment, defaults);
  }

  /** Red is 0..redMax, yellow redMax+1..yellowMax, green above (on the integer health score). */
  public record Bands(int redMax, int yellowMax) {}

  /**
   * The weights and thresholds one account is scored with.
   *
   * @param groupWeights weight of each group in the health score, relative
   * @param measures every one of the seven measures
   */
  public record Rules(Map<Measure.Group, Double> groupWeights, Map<Measure, MeasureRule> measures) {
    public Rules {
      groupWeights = Collections.unmodifiableMap(new EnumMap<>(groupWeights));
      measures = Collections.unmodifiableMap(new EnumMap<>(measures));
    }

    public double groupWeight(Measure.Group group) {
      return groupWeights.get(group);
    }

    public MeasureRule measure(Measure measure) {
      return measures.get(measure);
    }
  }

  /**
   * One measure: its weight within its group, its staleness limit and its inputs.
   *
   * @param staleDays an input observed more than this many days before the day flags it stale
   */
  public record MeasureRule(Measure measure, double weight, int staleDays, List<InputRule> inputs) {
    public MeasureRule {
      inputs = List.copyOf(inputs);
    }
  }

  /**
   * One input of a measure: a signal column scaled linearly from red (0) to green (100), clamped.
   *
   * @param weight its weight within the measure
   */
  public record InputRule(String signal, double red, double green, double weight) {}
}
