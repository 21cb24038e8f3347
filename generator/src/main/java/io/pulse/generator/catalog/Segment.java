package io.pulse.generator.catalog;

/** CRM segments: seat ranges, churn base rates and support/CS intensity differ by segment. */
public enum Segment {
  SMB("smb", 3, 12, 0.12, 0.02, 0.03),
  MID_MARKET("mid_market", 12, 60, 0.07, 0.05, 0.07),
  ENTERPRISE("enterprise", 60, 250, 0.04, 0.10, 0.15);

  private final String code;
  private final int minSeats;
  private final int maxSeats;
  private final double baseChurn;
  private final double ticketsPerDay;
  private final double touchpointsPerDay;

  Segment(
      String code,
      int minSeats,
      int maxSeats,
      double baseChurn,
      double ticketsPerDay,
      double touchpointsPerDay) {
    this.code = code;
    this.minSeats = minSeats;
    this.maxSeats = maxSeats;
    this.baseChurn = baseChurn;
    this.ticketsPerDay = ticketsPerDay;
    this.touchpointsPerDay = touchpointsPerDay;
  }

  /** The value written to the landing {@code segment} column. */
  public String code() {
    return code;
  }

  public int minSeats() {
    return minSeats;
  }

  public int maxSeats() {
    return maxSeats;
  }

  /** Probability of churning within the generated range with no driver present. */
  public double baseChurn() {
    return baseChurn;
  }

  public double ticketsPerDay() {
    return ticketsPerDay;
  }

  public double touchpointsPerDay() {
    return touchpointsPerDay;
  }
}
