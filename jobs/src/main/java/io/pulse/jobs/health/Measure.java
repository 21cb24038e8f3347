package io.pulse.jobs.health;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The seven measures of the health score (METRICS.md §7), each in one of two groups. */
public enum Measure {
  DEPLOYMENT(Group.OUTCOME),
  ENGAGEMENT(Group.OUTCOME),
  ADOPTION(Group.OUTCOME),
  ROI(Group.OUTCOME),
  OVERALL_EXPERIENCE(Group.EXPERIENCE),
  SUPPORT_EXPERIENCE(Group.EXPERIENCE),
  SENTIMENT(Group.EXPERIENCE);

  /**
   * Outcome ("DEAR": does the customer get value) and experience (do they like working with us).
   */
  public enum Group {
    OUTCOME,
    EXPERIENCE;

    /** The name in the scorecard and in column names: {@code outcome}, {@code experience}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    public List<Measure> measures() {
      return Arrays.stream(Measure.values()).filter(m -> m.group == this).toList();
    }
  }

  private final Group group;

  Measure(Group group) {
    this.group = group;
  }

  public Group group() {
    return group;
  }

  /** The name in the scorecard and the prefix of its columns, e.g. {@code support_experience}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Measure> byKey(String key) {
    return Arrays.stream(values()).filter(m -> m.key().equals(key)).findFirst();
  }
}
