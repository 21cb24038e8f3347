package io.pulse.jobs.pipeline;

import java.util.Map;

/**
 * The daily pipeline, declared once: each job after the jobs whose tables it reads. {@code pulse
 * pipeline} runs it, {@code pulse graph} prints it and the Airflow DAG must equal it
 * (AirflowDagTest). A job added to JobCatalog goes in {@link #DAILY} (one line) or in {@link
 * #NOT_DAILY} with the reason; PulseGraphTest fails until it is in one of them.
 */
public final class PulseGraph {
  private PulseGraph() {}

  public static final JobGraph DAILY =
      JobGraph.builder()
          .job("bronze")
          .job("silver", "bronze")
          .job("revenue", "silver")
          .job("usage", "silver")
          // revenue cohorts read gold.fct_mrr_monthly; usage cohorts silver accounts and events
          .job("cohorts", "silver", "revenue")
          .job("experience", "silver")
          .job("support", "silver")
          .job("engagement", "silver")
          // onboarding's retention by cohort reads gold.fct_mrr_daily
          .job("onboarding", "silver", "revenue")
          .job("health", "revenue", "usage", "experience", "support", "engagement")
          // alerts also read silver.invoices (payment failed) and onboarding_milestones
          .job(
              "alerts",
              "silver",
              "revenue",
              "usage",
              "experience",
              "support",
              "engagement",
              "onboarding",
              "health")
          .build();

  /** Catalogue jobs that are not daily steps, with why; e.g. a job evaluating past month ends. */
  public static final Map<String, String> NOT_DAILY =
      Map.of(
          "backtest",
          "evaluates past month ends against the churn of the 90 days after them: run it when"
              + " backtesting a scorecard, e.g. pulse backtest --start 2025-03-31 --end 2026-09-30");
}
