package io.pulse.generator.life;

/** The experience × outcome quadrant an account is planted in (METRICS.md §7). */
public enum Quadrant {
  SUCCESS("success", true, true, 0.40),
  HOLLOW_EXPERIENCE("hollow_experience", false, true, 0.25),
  AT_RISK_EXPERIENCE("at_risk_experience", true, false, 0.15),
  FAILING("failing", false, false, 0.20);

  private final String code;
  private final boolean goodOutcome;
  private final boolean goodExperience;
  private final double share;

  Quadrant(String code, boolean goodOutcome, boolean goodExperience, double share) {
    this.code = code;
    this.goodOutcome = goodOutcome;
    this.goodExperience = goodExperience;
    this.share = share;
  }

  public String code() {
    return code;
  }

  public boolean goodOutcome() {
    return goodOutcome;
  }

  public boolean goodExperience() {
    return goodExperience;
  }

  static double[] shares() {
    double[] shares = new double[values().length];
    for (Quadrant q : values()) {
      shares[q.ordinal()] = q.share;
    }
    return shares;
  }
}
