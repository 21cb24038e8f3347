-- gold.kpi_monthly, segment 'all' (METRICS.md §2, R5, R7, R8): one row per month from the month
-- of the earliest accepted valid_from to D's month, from duck_fct_mrr_monthly.
WITH
months AS (
  SELECT CAST(unnest(generate_series(
           (SELECT date_trunc('month', min(valid_from)) FROM duck_accepted_versions),
           date_trunc('month', getvariable('run_date')),
           INTERVAL 1 MONTH)) AS DATE) AS month
),
sums AS (
  SELECT month,
         sum(prev_units) AS s,
         sum(mrr_units) FILTER (WHERE movement_type = 'new') AS n,
         sum(mrr_units) FILTER (WHERE movement_type = 'reactivation') AS r,
         sum(mrr_units - prev_units) FILTER (WHERE movement_type = 'expansion') AS e,
         sum(prev_units - mrr_units) FILTER (WHERE movement_type = 'contraction') AS c_abs,
         sum(prev_units) FILTER (WHERE movement_type = 'churn') AS x_abs,
         sum(mrr_units) AS mrr_end,
         count(*) FILTER (WHERE prev_units > 0) AS customers_start,
         count(*) FILTER (WHERE mrr_units > 0) AS customers_end,
         count(*) FILTER (WHERE movement_type = 'new') AS new_customers,
         count(*) FILTER (WHERE movement_type = 'churn') AS churned_customers,
         count(*) FILTER (WHERE movement_type = 'reactivation') AS reactivated_customers
  FROM duck_fct_mrr_monthly
  GROUP BY month
),
-- R8: every month has a row; a month without accounts has zeros and null rates
filled AS (
  SELECT m.month,
         coalesce(s, 0) AS s, coalesce(n, 0) AS n, coalesce(r, 0) AS r, coalesce(e, 0) AS e,
         coalesce(c_abs, 0) AS c_abs, coalesce(x_abs, 0) AS x_abs,
         coalesce(mrr_end, 0) AS mrr_end,
         coalesce(customers_start, 0) AS customers_start,
         coalesce(customers_end, 0) AS customers_end,
         coalesce(new_customers, 0) AS new_customers,
         coalesce(churned_customers, 0) AS churned_customers,
         coalesce(reactivated_customers, 0) AS reactivated_customers
  FROM months m LEFT JOIN sums USING (month)
),
rated AS (
  SELECT *,
         -- §2: a division by zero is null
         CASE WHEN customers_start > 0
              THEN CAST(churned_customers AS DOUBLE) / customers_start END AS logo_churn_rate,
         CASE WHEN customers_end > 0 THEN half_up_div(mrr_end, customers_end) END AS arpa_units
  FROM filled
),
-- R7: LTV = mean ARPA / mean logo churn rate over months m-5..m that have a value
trailing_means AS (
  SELECT *,
         avg(CAST(arpa_units AS DOUBLE)) OVER six AS mean_arpa_units,
         avg(logo_churn_rate) OVER six AS mean_logo_churn
  FROM rated
  WINDOW six AS (ORDER BY month ROWS BETWEEN 5 PRECEDING AND CURRENT ROW)
)
SELECT month,
       'all' AS segment,
       money(s) AS mrr_start,
       money(n) AS new_mrr,
       money(r) AS reactivation_mrr,
       money(e) AS expansion_mrr,
       money(-c_abs) AS contraction_mrr,
       money(-x_abs) AS churn_mrr,
       money(mrr_end) AS mrr_end,
       customers_start,
       customers_end,
       new_customers,
       churned_customers,
       reactivated_customers,
       logo_churn_rate,
       CASE WHEN s > 0 THEN CAST(c_abs + x_abs AS DOUBLE) / s END AS gross_mrr_churn_rate,
       CASE WHEN s > 0 THEN CAST(c_abs + x_abs - e AS DOUBLE) / s END AS net_mrr_churn_rate,
       CASE WHEN s > 0 THEN CAST(s - c_abs - x_abs AS DOUBLE) / s END AS grr,
       CASE WHEN s > 0 THEN CAST(s + e - c_abs - x_abs AS DOUBLE) / s END AS nrr,
       money(arpa_units) AS arpa,
       CASE WHEN mean_logo_churn > 0
            THEN CAST(round(mean_arpa_units / 10000 / mean_logo_churn, 4) AS DECIMAL(18, 4))
       END AS ltv,
       CASE WHEN c_abs + x_abs > 0 THEN CAST(n + r + e AS DOUBLE) / (c_abs + x_abs) END
         AS quick_ratio
FROM trailing_means
