-- The subscription versions that count for MRR as of D (METRICS.md §1, R1-R3), each with its
-- version MRR in units of 0.0001: what fct_mrr_monthly and kpi_monthly (its first month) read.
WITH
-- R3: the current version of each (subscription_id, valid_from): latest updated_at, then the
-- latest delivery
versions AS (
  SELECT *
  FROM silver_subscriptions
  WHERE _dt <= getvariable('run_date')
  QUALIFY row_number() OVER (
    PARTITION BY subscription_id, valid_from
    ORDER BY updated_at DESC, _dt DESC, _source_file DESC, _row_number DESC) = 1
),
-- rates have no version column: the latest delivery of each (rate_date, currency) wins
rates AS (
  SELECT rate_date, currency, rate_to_usd
  FROM silver_fx_rates
  WHERE _dt <= getvariable('run_date')
  QUALIFY row_number() OVER (
    PARTITION BY rate_date, currency ORDER BY _dt DESC, _source_file DESC, _row_number DESC) = 1
),
-- R2: the last rate on or before the UTC date of valid_from; USD (the reporting currency) is 1
-- without a row; a version without a rate is left out (quarantined no_fx_rate)
converted AS (
  SELECT v.*,
         coalesce(r.rate_to_usd, CASE WHEN v.currency = 'USD' THEN 1 END) AS fx,
         CASE v.billing_interval WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 WHEN 'year' THEN 12 END
           AS interval_months
  FROM versions v
  ASOF LEFT JOIN rates r
    ON r.currency = v.currency AND CAST(v.valid_from AS DATE) >= r.rate_date
),
-- R1: quantity × unit_price × (1 − discount/100) / interval_months × fx, exact, rounded once to
-- 4 dp HALF_UP (all factors are ≥ 0); trial versions 0. In units of 1e-4:
-- q × price·1e4 × (100 − discount)·1e4 × fx·1e10 / (1e16 × interval_months)
priced AS (
  SELECT subscription_id, account_id, valid_from, valid_to,
         CASE WHEN is_trial THEN 0::HUGEINT
              ELSE half_up_div(
                     quantity::HUGEINT
                       * units4(unit_price)
                       * (1000000 - units4(coalesce(discount_pct, 0)))
                       * units10(fx),
                     10000000000000000::HUGEINT * interval_months)
         END AS mrr_units
  FROM converted
  WHERE fx IS NOT NULL
)
SELECT * FROM priced
