package io.pulse.jobs.health;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trunc;

import io.pulse.common.table.ColumnDef;
import io.pulse.common.table.TableDef;
import io.pulse.common.testing.SparkTestSession;
import io.pulse.jobs.engagement.EngagementTables;
import io.pulse.jobs.experience.ExperienceTables;
import io.pulse.jobs.revenue.RevenueTables;
import io.pulse.jobs.support.SupportTables;
import io.pulse.jobs.usage.UsageTables;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/**
 * Small hand-made gold signal tables for the health job, every value chosen so that each scaled
 * score of the default scorecard (conf/scorecard.conf) is a round number.
 *
 * <ul>
 *   <li>A pays on D−30, D−7 and D and has every signal on D: utilization 0.55 (→ 50), 3 key-contact
 *       touchpoints (→ 50, last touch D−37: engagement stale) and a champion (→ 100), breadth 0.5,
 *       depth 11, MAU change −0.1 (→ 50 each), goals 1 of 2 on track (→ 50), NPS 20 (→ 60), CSAT
 *       0.75 (→ 50, weight 2), reopen rate 0.175 (→ 50), 1 SLA breach (→ 80), sentiment 0.4 (→ 70);
 *       CES 3 and stickiness 0.25 are not in the scorecard. On D−30 only utilization 0.3 (→ 0), on
 *       D−7 only 0.8 (→ 100). Segment smb, mid_market from 15:00 on D.
 *   <li>B pays on D, usage only: utilization 0.45 (→ 30), breadth 0.5 (→ 50), depth 6.5 (→ 25), MAU
 *       change null (NA). Segment enterprise.
 *   <li>C is on a trial on D (MRR 0) with usage: not paying, no row.
 *   <li>N pays on D and has no signal and no CRM version.
 * </ul>
 */
final class HealthJobFixture {
  private HealthJobFixture() {}

  private static final SparkSession spark = SparkTestSession.get();

  static final LocalDate D = LocalDate.parse("2026-05-01");
  static final LocalDate WEEK_BEFORE = D.minusDays(7);
  static final LocalDate MONTH_BEFORE = D.minusDays(30);
  private static final DecimalType MONEY = new DecimalType(18, 4);

  static Date date(LocalDate day) {
    return Date.valueOf(day);
  }

  static Date date(String day) {
    return Date.valueOf(day);
  }

  static Timestamp ts(String instant) {
    return Timestamp.from(Instant.parse(instant));
  }

  static Dataset<Row> mrrDaily() {
    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("day", DataTypes.DateType)
            .add("mrr", MONEY);
    BigDecimal paid = new BigDecimal("100.0000");
    return conform(
        RevenueTables.MRR_DAILY,
        rows(
            schema,
            RowFactory.create("A", date(MONTH_BEFORE), paid),
            RowFactory.create("A", date(WEEK_BEFORE), paid),
            RowFactory.create("A", date(D), paid),
            RowFactory.create("B", date(D), paid),
            RowFactory.create("C", date(D), new BigDecimal("0.0000")),
            RowFactory.create("N", date(D), new BigDecimal("50.0000"))));
  }

  static Dataset<Row> accounts() {
    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("segment", DataTypes.StringType)
            .add("valid_from", DataTypes.TimestampType)
            .add("valid_to", DataTypes.TimestampType);
    return conform(
        RevenueTables.DIM_ACCOUNT,
        rows(
            schema,
            RowFactory.create("A", "smb", ts("2026-01-01T00:00:00Z"), ts("2026-05-01T15:00:00Z")),
            RowFactory.create("A", "mid_market", ts("2026-05-01T15:00:00Z"), null),
            RowFactory.create("B", "enterprise", ts("2026-01-01T00:00:00Z"), null),
            RowFactory.create("C", "smb", ts("2026-01-01T00:00:00Z"), null)));
  }

  static Dataset<Row> usage() {
    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("day", DataTypes.DateType)
            .add("license_utilization", DataTypes.DoubleType)
            .add("key_feature_breadth", DataTypes.DoubleType)
            .add("key_feature_depth", DataTypes.DoubleType)
            .add("mau_change_28d", DataTypes.DoubleType)
            .add("stickiness", DataTypes.DoubleType);
    return conform(
        UsageTables.ACCOUNT_USAGE_DAILY,
        rows(
            schema,
            RowFactory.create("A", date(MONTH_BEFORE), 0.3, null, null, null, null),
            RowFactory.create("A", date(WEEK_BEFORE), 0.8, null, null, null, null),
            RowFactory.create("A", date(D), 0.55, 0.5, 11.0, -0.1, 0.25),
            RowFactory.create("B", date(D), 0.45, 0.5, 6.5, null, null),
            RowFactory.create("C", date(D), 0.9, 0.9, 20.0, 0.5, 0.5)));
  }

  static Dataset<Row> goals() {
    StructType schema =
        new StructType()
            .add("goal_id", DataTypes.StringType)
            .add("account_id", DataTypes.StringType)
            .add("day", DataTypes.DateType)
            .add("is_on_track", DataTypes.BooleanType);
    return conform(
        UsageTables.SUCCESS_GOAL_DAILY,
        rows(
            schema,
            RowFactory.create("G1", "A", date(D), true),
            RowFactory.create("G2", "A", date(D), false)));
  }

  static Dataset<Row> stakeholders() {
    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("day", DataTypes.DateType)
            .add("key_contact_touchpoints_90d", DataTypes.LongType)
            .add("last_touchpoint_date", DataTypes.DateType)
            .add("champion_present", DataTypes.BooleanType);
    return conform(
        EngagementTables.STAKEHOLDER_DAILY,
        rows(schema, RowFactory.create("A", date(D), 3L, date("2026-03-25"), true)));
  }

  static Dataset<Row> experience() {
    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("day", DataTypes.DateType)
            .add("nps", DataTypes.DoubleType)
            .add("csat", DataTypes.DoubleType)
            .add("ces", DataTypes.DoubleType)
            .add("sentiment", DataTypes.DoubleType)
            .add("last_response_date", DataTypes.DateType);
    return conform(
        ExperienceTables.ACCOUNT_EXPERIENCE_DAILY,
        rows(schema, RowFactory.create("A", date(D), 20.0, 0.75, 3.0, 0.4, date("2026-03-01"))));
  }

  static Dataset<Row> support() {
    StructType schema =
        new StructType()
            .add("account_id", DataTypes.StringType)
            .add("day", DataTypes.DateType)
            .add("reopen_rate", DataTypes.DoubleType)
            .add("sla_breaches_90d", DataTypes.LongType);
    return conform(
        SupportTables.AGG_SUPPORT_DAILY, rows(schema, RowFactory.create("A", date(D), 0.175, 1L)));
  }

  static AccountSignals.Sources sources() {
    return new AccountSignals.Sources(
        mrrDaily(), accounts(), usage(), goals(), stakeholders(), experience(), support());
  }

  /** Every (table, rows) pair the job reads. */
  static List<Object[]> tables() {
    return List.of(
        new Object[] {RevenueTables.MRR_DAILY, mrrDaily()},
        new Object[] {RevenueTables.DIM_ACCOUNT, accounts()},
        new Object[] {UsageTables.ACCOUNT_USAGE_DAILY, usage()},
        new Object[] {UsageTables.SUCCESS_GOAL_DAILY, goals()},
        new Object[] {EngagementTables.STAKEHOLDER_DAILY, stakeholders()},
        new Object[] {ExperienceTables.ACCOUNT_EXPERIENCE_DAILY, experience()},
        new Object[] {SupportTables.AGG_SUPPORT_DAILY, support()});
  }

  private static Dataset<Row> rows(StructType schema, Row... rows) {
    return spark.createDataFrame(Arrays.asList(rows), schema);
  }

  /** The table's columns in order: the given ones, month from day, null for the rest. */
  private static Dataset<Row> conform(TableDef def, Dataset<Row> rows) {
    List<String> present = Arrays.asList(rows.columns());
    Column[] columns =
        def.columns().stream()
            .map(
                (ColumnDef c) ->
                    (present.contains(c.name())
                            ? col(c.name())
                            : c.name().equals("month") ? trunc(col("day"), "MM") : lit(null))
                        .cast(c.type())
                        .as(c.name()))
            .toArray(Column[]::new);
    return rows.select(columns);
  }
}
