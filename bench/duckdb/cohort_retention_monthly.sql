-- gold.cohort_retention_monthly, segment 'all' (METRICS.md §3, C1): per cohort month c (the
-- first month whose end has MRR > 0) and offset k up to D's month, from duck_fct_mrr_monthly.
WITH
members AS (
  SELECT account_id, month AS cohort_month, mrr_units AS cohort_units
  FROM duck_fct_mrr_monthly
  WHERE mrr_units > 0
  QUALIFY row_number() OVER (PARTITION BY account_id ORDER BY month) = 1
),
cohorts AS (
  SELECT cohort_month, count(*) AS cohort_accounts, sum(cohort_units) AS cohort_units
  FROM members
  GROUP BY cohort_month
),
cells AS (
  SELECT cohort_month, cohort_accounts, cohort_units,
         CAST(unnest(generate_series(cohort_month, date_trunc('month', getvariable('run_date')),
                                     INTERVAL 1 MONTH)) AS DATE) AS month
  FROM cohorts
),
-- reactivated accounts stay in their first cohort and count in the months they pay again
retained AS (
  SELECT mb.cohort_month, m.month,
         count(*) AS retained_accounts, sum(m.mrr_units) AS retained_units
  FROM members mb
  JOIN duck_fct_mrr_monthly m ON m.account_id = mb.account_id AND m.month >= mb.cohort_month
  WHERE m.mrr_units > 0
  GROUP BY mb.cohort_month, m.month
),
dated AS (
  SELECT c.*,
         coalesce(r.retained_accounts, 0) AS retained_accounts,
         coalesce(r.retained_units, 0) AS retained_units,
         -- C1: D's month is measured as of D
         CASE WHEN c.month = date_trunc('month', getvariable('run_date'))
              THEN getvariable('run_date') ELSE last_day(c.month) END AS as_of_day
  FROM cells c
  LEFT JOIN retained r USING (cohort_month, month)
)
SELECT cohort_month,
       'all' AS segment,
       CAST(datediff('month', cohort_month, month) AS INTEGER) AS months_since,
       month,
       as_of_day,
       as_of_day < last_day(month) AS is_partial_month,
       cohort_accounts,
       retained_accounts,
       CAST(retained_accounts AS DOUBLE) / cohort_accounts AS logo_retention,
       money(cohort_units) AS cohort_mrr,
       money(retained_units) AS retained_mrr,
       CAST(retained_units AS DOUBLE) / cohort_units AS revenue_retention
FROM dated
