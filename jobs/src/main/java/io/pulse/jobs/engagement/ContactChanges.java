package io.pulse.jobs.engagement;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The changes contact versions make to an account's active contacts and champions, day by day.
 *
 * <p>A contact's state at the end of day d is its latest version with {@code updated_at <
 * start(d+1)}, so only the last version of each UTC date matters: a version superseded the same day
 * never shows at a day's end. Each such end-of-day state adds the contact to its account's counts
 * (+1 active, +1 champion when active and flagged) and takes the previous state off its account, so
 * a running sum of the deltas per account gives the counts of every day, and a contact moving
 * account leaves one and joins the other on the same day.
 *
 * <p>A champion is lost on day d when the contact was an active champion of the account at the end
 * of its previous version day and is not at the end of d (inactive, unflagged or moved away).
 */
public final class ContactChanges {
  private ContactChanges() {}

  /**
   * @param contacts every contact version: {@code contact_id, account_id, is_champion, is_active,
   *     updated_at}
   * @return rows {@code account_id, day, active_delta, champion_delta, champion_lost} (longs; lost
   *     is 1 on a loss), several per account and day possible
   */
  public static Dataset<Row> of(Dataset<Row> contacts) {
    WindowSpec lastOfDay =
        Window.partitionBy(col("contact_id"), col("day")).orderBy(col("updated_at").desc());
    WindowSpec byContact = Window.partitionBy("contact_id").orderBy("day");
    Dataset<Row> endOfDay =
        contacts
            .withColumn("day", to_date(col("updated_at")))
            .withColumn("_rank", row_number().over(lastOfDay))
            .where(col("_rank").equalTo(1))
            .select(
                col("contact_id"),
                col("account_id"),
                col("day"),
                col("is_active").as("active"),
                col("is_active").and(col("is_champion")).as("champion"))
            .withColumn("prev_account", lag("account_id", 1).over(byContact))
            .withColumn("prev_active", lag("active", 1).over(byContact))
            .withColumn("prev_champion", lag("champion", 1).over(byContact));

    Dataset<Row> added =
        endOfDay.select(
            col("account_id"),
            col("day"),
            one(col("active")).as("active_delta"),
            one(col("champion")).as("champion_delta"),
            lit(0L).as("champion_lost"));
    Column stillChampionHere = col("champion").and(col("account_id").equalTo(col("prev_account")));
    Dataset<Row> removed =
        endOfDay
            .where(col("prev_account").isNotNull())
            .select(
                col("prev_account").as("account_id"),
                col("day"),
                one(col("prev_active")).multiply(-1).as("active_delta"),
                one(col("prev_champion")).multiply(-1).as("champion_delta"),
                one(col("prev_champion").and(not(stillChampionHere))).as("champion_lost"));
    return added.unionByName(removed);
  }

  private static Column one(Column flag) {
    return when(flag, lit(1L)).otherwise(lit(0L));
  }
}
