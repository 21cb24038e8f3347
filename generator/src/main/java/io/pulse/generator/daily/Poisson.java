package io.pulse.generator.daily;

import java.util.SplittableRandom;

/** Small-mean Poisson counts (Knuth), for daily tickets and touchpoints. */
final class Poisson {
  private Poisson() {}

  static int draw(SplittableRandom r, double mean) {
    double limit = Math.exp(-mean);
    double product = r.nextDouble();
    int n = 0;
    while (product > limit) {
      n++;
      product *= r.nextDouble();
    }
    return n;
  }
}
