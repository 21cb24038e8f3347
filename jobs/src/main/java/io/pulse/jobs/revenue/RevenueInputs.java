package io.pulse.jobs.revenue;

import io.pulse.common.job.JobContext;
import io.pulse.jobs.silver.SilverEntities;
import io.pulse.jobs.silver.SilverEntity;
import io.pulse.jobs.silver.SilverInput;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The silver tables the revenue marts are built from, as known at the run date, each read once and
 * cached: silver keeps one small file per delivery date, so every further scan would list and open
 * hundreds of files again (the versions alone are read six times in a run).
 *
 * @param versions every delivered version of silver.subscriptions
 * @param fxRates silver.fx_rates
 * @param accounts every CRM version of silver.accounts
 */
record RevenueInputs(Dataset<Row> versions, Dataset<Row> fxRates, Dataset<Row> accounts)
    implements AutoCloseable {

  static RevenueInputs read(JobContext context, LocalDate runDate) {
    return new RevenueInputs(
        cached(context, SilverEntities.SUBSCRIPTIONS, runDate),
        cached(context, SilverEntities.FX_RATES, runDate),
        cached(context, SilverEntities.ACCOUNTS, runDate));
  }

  private static Dataset<Row> cached(JobContext context, SilverEntity entity, LocalDate runDate) {
    return SilverInput.asOf(context, entity, runDate).persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** Drops the cached tables. */
  @Override
  public void close() {
    versions.unpersist();
    fxRates.unpersist();
    accounts.unpersist();
  }
}
