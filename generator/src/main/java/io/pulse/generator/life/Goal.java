package io.pulse.generator.life;

/**
 * A success-plan goal: reach {@code targetCount} value events of one type between {@code startDay}
 * and {@code dueDay} (epoch days). Its status moves not_started → on_track or at_risk (at mid-way)
 * → achieved or missed (at the due date).
 */
public record Goal(
    String goalId,
    String valueEvent,
    int targetCount,
    long startDay,
    long dueDay,
    boolean onTrackAtMid,
    boolean achieved) {

  public long midDay() {
    return startDay + (dueDay - startDay) / 2;
  }

  /** The status as of the end of {@code day}. */
  public String statusOn(long day) {
    if (day >= dueDay) {
      return achieved ? "achieved" : "missed";
    }
    if (day >= midDay()) {
      return onTrackAtMid ? "on_track" : "at_risk";
    }
    return "not_started";
  }
}
