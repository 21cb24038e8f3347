package io.pulse.generator;

import io.pulse.common.error.UsageException;
import java.time.LocalDate;

/**
 * What to generate. Sizes scale with {@code scaleFactor}: 1 is about 1,000 accounts, 20,000 users
 * and, over two years, 5 million usage events.
 */
public record GeneratorSpec(
    double scaleFactor,
    long seed,
    LocalDate start,
    LocalDate end,
    String out,
    double badRowRate,
    int threads) {
  public static final int ACCOUNTS_PER_SCALE_FACTOR = 1000;

  public GeneratorSpec {
    if (!(scaleFactor > 0) || scaleFactor > 10_000) {
      throw new UsageException(
          "--scale-factor must be > 0 (and at most 10000), not " + scaleFactor);
    }
    if (end.isBefore(start)) {
      throw new UsageException("--end " + end + " is before --start " + start);
    }
    if (!(badRowRate >= 0 && badRowRate <= 0.5)) {
      throw new UsageException("--bad-row-rate must be between 0 and 0.5, not " + badRowRate);
    }
    if (threads < 1) {
      throw new UsageException("--threads must be at least 1, not " + threads);
    }
  }

  /** Number of accounts: linear in the scale factor, at least one. */
  public int accounts() {
    return (int) Math.max(1, Math.round(ACCOUNTS_PER_SCALE_FACTOR * scaleFactor));
  }

  public long days() {
    return end.toEpochDay() - start.toEpochDay() + 1;
  }
}
