package io.pulse.jobs;

import io.pulse.common.job.Job;
import io.pulse.jobs.alerts.AlertsJob;
import io.pulse.jobs.backtest.BacktestJob;
import io.pulse.jobs.cohorts.CohortsJob;
import io.pulse.jobs.engagement.EngagementJob;
import io.pulse.jobs.engagement.OnboardingJob;
import io.pulse.jobs.experience.ExperienceJob;
import io.pulse.jobs.health.HealthJob;
import io.pulse.jobs.ingest.BronzeJob;
import io.pulse.jobs.revenue.RevenueJob;
import io.pulse.jobs.silver.SilverJob;
import io.pulse.jobs.support.SupportJob;
import io.pulse.jobs.usage.UsageJob;
import java.util.List;

/** Every Pulse job, in dependency order. */
public final class JobCatalog {
  private JobCatalog() {}

  public static List<Job> all() {
    return List.of(
        new BronzeJob(),
        new SilverJob(),
        new RevenueJob(),
        new UsageJob(),
        new CohortsJob(),
        new ExperienceJob(),
        new SupportJob(),
        new EngagementJob(),
        new OnboardingJob(),
        new HealthJob(),
        new AlertsJob(),
        new BacktestJob());
  }
}
