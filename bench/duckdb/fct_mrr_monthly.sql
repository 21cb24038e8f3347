-- gold.fct_mrr_monthly as of D (METRICS.md §1, R1-R6): account × month MRR at the month's end
-- (D's month as of D), its previous month's MRR, the movement between them and the segment.
WITH
-- R4: a version counts for month m when active at m's end: valid_from < end AND (valid_to null
-- OR valid_to >= end), end = start of the next month, or start of D + 1 for D's month
month_versions AS (
  SELECT account_id, mrr_units, valid_from, valid_to,
         CAST(unnest(generate_series(
           date_trunc('month', valid_from),
           least(date_trunc('month', coalesce(valid_to, getvariable('run_date'))),
                 date_trunc('month', getvariable('run_date'))),
           INTERVAL 1 MONTH)) AS DATE) AS month
  FROM duck_accepted_versions
),
month_ends AS (
  SELECT *, month_end(month) AS month_end FROM month_versions
),
paying AS (
  SELECT account_id, month, sum(mrr_units) AS mrr_units
  FROM month_ends
  WHERE valid_from < month_end AND (valid_to IS NULL OR valid_to >= month_end)
  GROUP BY account_id, month
  HAVING sum(mrr_units) > 0
),
-- R5: a row where prev_mrr > 0 or mrr > 0: the paying months and the month after each
account_months AS (
  SELECT account_id, month FROM paying
  UNION
  SELECT account_id, CAST(month + INTERVAL 1 MONTH AS DATE)
  FROM paying
  WHERE month < date_trunc('month', getvariable('run_date'))
),
with_prev AS (
  SELECT am.account_id, am.month,
         coalesce(cur.mrr_units, 0) AS mrr_units,
         coalesce(prev.mrr_units, 0) AS prev_units,
         -- "an earlier month end" with MRR > 0, over all history (R5)
         coalesce(bool_or(coalesce(cur.mrr_units, 0) > 0) OVER (
           PARTITION BY am.account_id ORDER BY am.month
           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), false) AS paid_before
  FROM account_months am
  LEFT JOIN paying cur ON cur.account_id = am.account_id AND cur.month = am.month
  LEFT JOIN paying prev
    ON prev.account_id = am.account_id AND prev.month = CAST(am.month - INTERVAL 1 MONTH AS DATE)
),
with_end AS (
  SELECT *, month_end(month) AS month_end FROM with_prev
),
crm AS (
  SELECT account_id, segment, updated_at
  FROM silver_accounts
  WHERE _dt <= getvariable('run_date')
)
-- §1 movements, new/reactivation tested before the signs; R6: the segment of the CRM version
-- with the latest updated_at before the month's end (D's end for D's month), unknown before any
SELECT m.account_id,
       m.month,
       coalesce(c.segment, 'unknown') AS segment,
       money(m.mrr_units) AS mrr,
       money(m.prev_units) AS prev_mrr,
       CASE WHEN m.prev_units = 0 AND m.mrr_units > 0 AND m.paid_before THEN 'reactivation'
            WHEN m.prev_units = 0 AND m.mrr_units > 0 THEN 'new'
            WHEN m.prev_units > 0 AND m.mrr_units > m.prev_units THEN 'expansion'
            WHEN m.prev_units > 0 AND m.mrr_units > 0 AND m.mrr_units < m.prev_units
              THEN 'contraction'
            WHEN m.prev_units > 0 AND m.mrr_units = 0 THEN 'churn'
       END AS movement_type,
       money(m.mrr_units - m.prev_units) AS movement_amount,
       m.mrr_units,
       m.prev_units
FROM with_end m
ASOF LEFT JOIN crm c ON c.account_id = m.account_id AND m.month_end > c.updated_at
