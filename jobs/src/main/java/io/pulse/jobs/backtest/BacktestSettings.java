package io.pulse.jobs.backtest;

import com.typesafe.config.Config;
import io.pulse.common.error.UsageException;

/**
 * The {@code pulse.backtest} settings (METRICS.md §10).
 *
 * @param horizonDays a churn counts when it happens in the N days after the month end
 */
public record BacktestSettings(int horizonDays) {
  public BacktestSettings {
    if (horizonDays < 1) {
      throw new UsageException(
          "bad configuration: pulse.backtest.horizon-days must be ≥ 1, not " + horizonDays);
    }
  }

  public static BacktestSettings from(Config config) {
    return new BacktestSettings(config.getInt("pulse.backtest.horizon-days"));
  }
}
