"""Pulse's daily pipeline on Airflow: one spark-submit per job, the edges of `pulse graph`.

Each task runs `io.pulse.jobs.Main <job> --run-date {{ ds }}` from the Pulse jar. The tasks and
their dependencies must equal `pulse graph --format json`; AirflowDagTest checks it statically
(with check_dag.py), so keep this file declarative: literal task ids and arguments, no loops.

Airflow Variables (see README.md):
  pulse_jar            path or URL of the Pulse jobs jar, read when a task runs (templated)
  pulse_spark_conn_id  the Spark connection to submit to (default spark_default)
  pulse_env            the Pulse configuration environment passed as --env (default prod)
"""

from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.models import Variable
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

# conn_id is not a templated field of SparkSubmitOperator, so it is read when the DAG is parsed.
SPARK_CONN_ID = Variable.get("pulse_spark_conn_id", default_var="spark_default")

default_args = {
    "owner": "pulse",
    # Every day builds on the days before it (trends, windows): a day waits for the day before.
    "depends_on_past": True,
    "retries": 3,
    "retry_delay": timedelta(minutes=5),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(hours=1),
    # Airflow 2 SLA: each task should have succeeded within 6 hours of its DAG run's start.
    "sla": timedelta(hours=6),
    # Applied by Airflow to every SparkSubmitOperator below.
    "conn_id": SPARK_CONN_ID,
    "application": "{{ var.value.pulse_jar }}",
    "java_class": "io.pulse.jobs.Main",
}

with DAG(
    dag_id="pulse_daily",
    description="Pulse customer-success analytics: bronze to health, one run date per DAG run",
    schedule="@daily",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    # Missed and past days run as backfills, one date after another, oldest first.
    catchup=True,
    max_active_runs=1,
    default_args=default_args,
    tags=["pulse"],
) as dag:
    bronze = SparkSubmitOperator(
        task_id="bronze",
        name="pulse-bronze",
        application_args=[
            "bronze", "--run-date", "{{ ds }}",
            "--env", "{{ var.value.get('pulse_env', 'prod') }}",
        ],
    )
    silver = SparkSubmitOperator(
        task_id="silver",
        name="pulse-silver",
        application_args=[
            "silver", "--run-date", "{{ ds }}",
            "--env", "{{ var.value.get('pulse_env', 'prod') }}",
        ],
    )
    revenue = SparkSubmitOperator(
        task_id="revenue",
        name="pulse-revenue",
        application_args=[
            "revenue", "--run-date", "{{ ds }}",
            "--env", "{{ var.value.get('pulse_env', 'prod') }}",
        ],
    )
    usage = SparkSubmitOperator(
        task_id="usage",
        name="pulse-usage",
        application_args=[
            "usage", "--run-date", "{{ ds }}",
            "--env", "{{ var.value.get('pulse_env', 'prod') }}",
        ],
    )
    cohorts = SparkSubmitOperator(
        task_id="cohorts",
        name="pulse-cohorts",
        application_args=[
            "cohorts", "--run-date", "{{ ds }}",
            "--env", "{{ var.value.get('pulse_env', 'prod') }}",
        ],
    )
    experience = SparkSubmitOperator(
        task_id="experience",
        name="pulse-experience",
        application_args=[
            "experience", "--run-date", "{{ ds }}",
            "--env", "{{ var.value.get('pulse_env', 'prod') }}",
        ],
    )
    support = SparkSubmitOperator(
        task_id="support",
        name="pulse-support",
        application_args=[
            "support", "--run-date", "{{ ds }}",
            "--env", "{{ var.value.get('pulse_env', 'prod') }}",
        ],
    )
    engagement = SparkSubmitOperator(
        task_id="engagement",
        name="pulse-engagement",
        application_args=[
            "engagement", "--run-date", "{{ ds }}",
            "--env", "{{ var.value.get('pulse_env', 'prod') }}",
        ],
    )
    onboarding = SparkSubmitOperator(
        task_id="onboarding",
        name="pulse-onboarding",
        application_args=[
            "onboarding", "--run-date", "{{ ds }}",
            "--env", "{{ var.value.get('pulse_env', 'prod') }}",
        ],
    )
    health = SparkSubmitOperator(
        task_id="health",
        name="pulse-health",
        application_args=[
            "health", "--run-date", "{{ ds }}",
            "--env", "{{ var.value.get('pulse_env', 'prod') }}",
        ],
    )
    alerts = SparkSubmitOperator(
        task_id="alerts",
        name="pulse-alerts",
        application_args=[
            "alerts", "--run-date", "{{ ds }}",
            "--env", "{{ var.value.get('pulse_env', 'prod') }}",
        ],
    )

    bronze >> silver
    silver >> [revenue, usage, cohorts, experience, support, engagement, onboarding]
    revenue >> cohorts
    revenue >> onboarding
    [revenue, usage, experience, support, engagement] >> health
    [silver, revenue, usage, experience, support, engagement, onboarding, health] >> alerts
