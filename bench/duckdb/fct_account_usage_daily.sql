-- MAU per account and day (METRICS.md §4, §11 "N days ending d"): distinct users with at least
-- one event in the 28 days ending d (pulse.usage.mau-days, default 28), for the days of the
-- bench, first_day..D, where MAU > 0. Which deliveries a day counts is the run that last wrote it
-- (§11: a run for D sees deliveries dt <= D): the backfill's days count those delivered by
-- backfill_end, except that D's run also recomputes the days its own delivery brought late
-- events for, from the earliest of them up to 7 days back (pulse.silver.recompute-late-days,
-- docs/pipeline.md "Late events"); those days and D count every delivery.
WITH
recomputed AS (
  SELECT coalesce(min(event_date), getvariable('run_date')) AS from_day
  FROM silver_usage_events
  WHERE _dt = getvariable('run_date')
    AND event_date < getvariable('run_date')
    AND event_date >= getvariable('run_date') - 7
),
user_days AS (
  SELECT account_id, user_id, event_date, min(_dt) AS first_delivery
  FROM silver_usage_events
  WHERE _dt <= getvariable('run_date') AND event_date <= getvariable('run_date')
  GROUP BY account_id, user_id, event_date
),
-- a user active on day a is in the window of every day a .. a + 27
windows AS (
  SELECT account_id, user_id, first_delivery, event_date + CAST(offset_days AS INTEGER) AS day
  FROM user_days, range(0, 28) AS t(offset_days)
)
SELECT account_id, day, count(DISTINCT user_id) AS mau
FROM windows, recomputed
WHERE day BETWEEN getvariable('first_day') AND getvariable('run_date')
  AND first_delivery <= CASE WHEN day < recomputed.from_day
                             THEN getvariable('backfill_end') ELSE getvariable('run_date') END
GROUP BY account_id, day
