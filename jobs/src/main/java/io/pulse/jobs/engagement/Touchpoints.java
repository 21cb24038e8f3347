package io.pulse.jobs.engagement;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * gold.fct_touchpoint: each CS activity with its UTC date and whether its contact was a key contact
 * when it took place.
 *
 * <p>A key contact is a contact flagged champion or whose role is in {@code
 * pulse.engagement.key-roles}, read from the contact's version in force at {@code occurred_at} (the
 * latest with {@code updated_at ≤ occurred_at}). A contact whose first version was recorded after
 * the activity (the CRM entry made later the same day, say) is read from its earliest version: the
 * CRM's first record of a person is the best account of who they were before it.
 */
public final class Touchpoints {
  private Touchpoints() {}

  /**
   * @param activities the latest version of each activity: {@code activity_id, account_id,
   *     contact_id, activity_type, occurred_at}
   * @param contacts every contact version: {@code contact_id, role, is_champion, updated_at}
   * @return the columns of {@link EngagementTables#TOUCHPOINT}, one row per activity
   */
  public static Dataset<Row> of(
      Dataset<Row> activities, Dataset<Row> contacts, EngagementSettings settings) {
    Dataset<Row> versions =
        contacts.select(
            col("contact_id").as("_contact_id"),
            col("role"),
            col("is_champion"),
            col("updated_at"));
    Column inForce = col("updated_at").leq(col("occurred_at"));
    // In force at occurred_at first (latest of those), else the earliest later version.
    Column[] preference = {
      when(inForce, col("updated_at")).desc_nulls_last(), col("updated_at").asc_nulls_last()
    };
    Column isKey = col("is_champion").or(col("role").isin(settings.keyRoles().toArray()));
    return activities
        .join(versions, col("contact_id").equalTo(col("_contact_id")), "left")
        .withColumn(
            "_rank", row_number().over(Window.partitionBy("activity_id").orderBy(preference)))
        .where(col("_rank").equalTo(1))
        .select(
            col("activity_id"),
            col("account_id"),
            col("contact_id"),
            col("activity_type"),
            col("occurred_at"),
            to_date(col("occurred_at")).as("activity_date"),
            trunc(to_date(col("occurred_at")), "month").as("month"),
            coalesce(isKey, lit(false)).as("is_key_contact"));
  }
}
