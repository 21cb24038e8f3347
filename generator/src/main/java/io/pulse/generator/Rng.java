package io.pulse.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic random streams: each one is seeded by the run's seed and a path of numbers
 * (account, day, source …), so what a stream yields never depends on threads or on what other
 * streams did.
 */
public final class Rng {
  private Rng() {}

  /** A fresh stream for {@code seed} and {@code path}. */
  public static SplittableRandom of(long seed, long... path) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    for (long part : path) {
      h = mix(h ^ (part * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL));
    }
    return new SplittableRandom(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public static boolean chance(SplittableRandom r, double p) {
    return r.nextDouble() < p;
  }

  /** Uniform in {@code [lo, hi]}, both inclusive. */
  public static int between(SplittableRandom r, int lo, int hi) {
    return hi <= lo ? lo : lo + r.nextInt(hi - lo + 1);
  }

  public static double between(SplittableRandom r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  public static <T> T pick(SplittableRandom r, List<T> items) {
    return items.get(r.nextInt(items.size()));
  }

  /** An index drawn with probability proportional to {@code weights}. */
  public static int weighted(SplittableRandom r, double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = r.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** A count with mean {@code mean}: geometric, so most draws are small and a few are large. */
  public static int geometric(SplittableRandom r, double mean) {
    if (mean <= 0) {
      return 0;
    }
    double p = 1 / (1 + mean);
    return (int) Math.floor(Math.log(1 - r.nextDouble()) / Math.log(1 - p));
  }
}
