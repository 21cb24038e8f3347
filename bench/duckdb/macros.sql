-- Exact money in DuckDB: decimals become HUGEINT units of their last digit, are multiplied and
-- divided as integers, and come back as decimal(18,4). Run before the result files.

-- The unscaled value of a decimal with 4 (or 10) decimals: 12.3456 -> 123456.
CREATE OR REPLACE MACRO units4(d) AS CAST(CAST(d AS DECIMAL(38, 4)) * 10000 AS HUGEINT);
CREATE OR REPLACE MACRO units10(d) AS CAST(CAST(d AS DECIMAL(38, 10)) * 10000000000 AS HUGEINT);

-- n / d rounded HALF_UP, for n >= 0 and d > 0.
CREATE OR REPLACE MACRO half_up_div(n, d) AS
  CASE WHEN (n % d) * 2 >= d THEN n // d + 1 ELSE n // d END;

-- Units of 0.0001 as decimal(18,4).
CREATE OR REPLACE MACRO money(u) AS
  CAST(CAST(u AS DECIMAL(18, 0)) * CAST(0.0001 AS DECIMAL(5, 4)) AS DECIMAL(18, 4));

-- A month's end as an instant: the start of the next month, or of D + 1 for D's month (R4, C1).
CREATE OR REPLACE MACRO month_end(m) AS
  CASE WHEN m = date_trunc('month', getvariable('run_date'))
       THEN CAST(getvariable('run_date') + 1 AS TIMESTAMP)
       ELSE CAST(m + INTERVAL 1 MONTH AS TIMESTAMP) END;
